package dev.palisade.core.execute;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import dev.palisade.core.execute.engine.Strategy;
import dev.palisade.core.execute.engine.TaskFailure;
import dev.palisade.core.execute.engine.TaskGateway;
import dev.palisade.core.execute.engine.TaskReader;
import dev.palisade.core.execute.engine.TaskRecord;
import dev.palisade.core.execute.engine.TaskSpec;
import dev.palisade.core.execute.store.ExecutionHeader;
import dev.palisade.host.bridge.ConfirmationGate;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.HookVerdict;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.Timestamps;

/**
 * One execution's tasks as the host runs them: {@code task.execute} hooks, confirmations through the confirm
 * module, plugin calls through {@link ExtensionHost#invoke} (which applies the extension's timeout, sandbox
 * and quarantine) with the task's {@code input} unchanged, and a trace span per attempt, approval wait and
 * rollback. A plugin call failing with 502, 503 or 504 (extension failed, busy, timed out) may be retried;
 * any other problem (invalid input, unknown method, an error the plugin reported, quarantine) may not.
 * Thread-safe.
 */
final class HostTaskGateway implements TaskGateway {

    private final Collaborators services;
    private final ExecutionHeader execution;
    private final Strategy strategy;
    private final SpanRecorder spans;
    private final Counters counters;
    private final Clock clock;

    HostTaskGateway(Collaborators services, ExecutionHeader execution, Strategy strategy, SpanRecorder spans,
            Counters counters, Clock clock) {
        this.services = services;
        this.execution = execution;
        this.strategy = strategy;
        this.spans = spans;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public HookOutcome beforeTask(TaskSpec task) throws TaskFailure {
        LifecycleHooks hooks = services.hooks();
        if (hooks == null) {
            return HookOutcome.proceed(task);
        }
        HookVerdict verdict = hooks.before("task.execute", payload(task));
        if (verdict.vetoed()) {
            return new HookOutcome(true, verdict.hook(), verdict.reason(), task);
        }
        Object amended = verdict.payload().get("task");
        if (amended == null || Objects.equals(amended, task.source())) {
            return HookOutcome.proceed(task);
        }
        try {
            return HookOutcome.proceed(TaskReader.amended(amended, task, strategy));
        } catch (HostProblem p) {
            throw new TaskFailure("hook-amendment-invalid", p.status(), p.getMessage(), false);
        }
    }

    @Override
    public void afterTask(TaskSpec task, TaskRecord outcome) {
        LifecycleHooks hooks = services.hooks();
        if (hooks != null) {
            Map<String, Object> payload = payload(task);
            payload.put("status", outcome.status().protocolName());
            payload.put("attempts", outcome.attempts());
            payload.put("output", outcome.output());
            payload.put("error", outcome.error());
            hooks.after("task.execute", payload);
        }
    }

    @Override
    public Object invoke(TaskSpec task, int attempt) throws TaskFailure {
        counters.add("palisade_execute_tasks_run_total", "Task attempts run by the execute engine", Map.of(), 1);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("task_id", task.id());
        parameters.put("attempt", attempt);
        return call(task, task.method(), task.input(), "task " + task.name(), parameters);
    }

    @Override
    public void rollback(TaskSpec task) throws TaskFailure {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("task_id", task.id());
        parameters.put("rollback", true);
        call(task, task.rollback().method(), task.rollback().input(), "rollback of task " + task.name(), parameters);
    }

    private Object call(TaskSpec task, String method, Map<String, Object> input, String name,
            Map<String, Object> parameters) throws TaskFailure {
        Instant start = Timestamps.now(clock);
        String stepName = name + (task.callsPlugin() ? ": " + task.extension() + "." + method : ": no-op step");
        if (!task.callsPlugin()) {
            spans.child(new SpanRecorder.Step(stepName, "invoke", parameters, start, start, "success", null, null),
                    null);
            return Map.of();
        }
        ExtensionHost host = services.extensions();
        String extensionId = null;
        try {
            if (host == null) {
                throw new HostProblem(503, "extension-module-unavailable", "Extension module unavailable",
                        "the extension module is not running, so plugin " + task.extension() + " cannot be called");
            }
            extensionId = host.extension(task.extension()).map(e -> e.id()).orElse(null);
            Object output = host.invoke(task.extension(), method, input);
            spans.child(new SpanRecorder.Step(stepName, "invoke", parameters, start, Timestamps.now(clock), "success",
                    output, null), extensionId);
            return output;
        } catch (HostProblem p) {
            boolean retryable = p.status() == 502 || p.status() == 503 || p.status() == 504;
            TaskFailure failure = new TaskFailure(p.type(), p.status(), p.getMessage(), retryable);
            spans.child(new SpanRecorder.Step(stepName, "invoke", parameters, start, Timestamps.now(clock),
                    p.status() == 504 ? "timeout" : "failure", null, failure.describe()), extensionId);
            throw failure;
        }
    }

    @Override
    public String requestApproval(TaskSpec task) throws TaskFailure {
        ConfirmationGate gate = services.confirmations();
        if (gate == null) {
            throw new TaskFailure("confirm-module-unavailable", 503, "task " + task.id() + " requires approval but "
                    + "the confirm module is not running", false);
        }
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("id", UUID.randomUUID().toString());
        confirmation.put("target", Map.of("type", "task", "id", task.id(), "description",
                "task " + task.name() + " of plan " + execution.planId() + " in execution " + execution.id()));
        confirmation.put("type", "approval");
        confirmation.put("criteria", task.approval().criteria());
        List<Map<String, Object>> approvers = task.approval().approvers();
        if (!approvers.isEmpty()) {
            confirmation.put("approvers", approvers);
        }
        try {
            return String.valueOf(gate.request(confirmation).get("id"));
        } catch (HostProblem p) {
            throw new TaskFailure("approval-request-refused", p.status(), p.getMessage(), false);
        }
    }

    @Override
    public void awaitDecision(String confirmationId, Consumer<String> decided) {
        ConfirmationGate gate = services.confirmations();
        Instant start = Timestamps.now(clock);
        Consumer<String> traced = decision -> {
            spans.child(new SpanRecorder.Step("approval " + confirmationId, "validate",
                    Map.of("confirmation_id", confirmationId), start, Timestamps.now(clock),
                    "approved".equals(decision) ? "success" : "failure", Map.of("decision", decision), null), null);
            decided.accept(decision);
        };
        if (gate == null) {
            traced.accept("unavailable");
            return;
        }
        try {
            gate.whenDecided(confirmationId, traced);
        } catch (HostProblem p) {
            traced.accept("unavailable");
        }
    }

    private Map<String, Object> payload(TaskSpec task) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("execution_id", execution.id());
        payload.put("plan_id", execution.planId());
        payload.put("context_id", execution.contextId());
        payload.put("task", task.source());
        return payload;
    }
}
