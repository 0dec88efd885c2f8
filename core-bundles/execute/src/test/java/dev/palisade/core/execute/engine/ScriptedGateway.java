package dev.palisade.core.execute.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-process task gateway whose tasks follow a script: per task name, failures before success, a veto,
 * latches holding its hooks, approval request or plugin call, an approval decision. Records the order of calls and the most tasks ever running at
 * once. Thread-safe.
 */
final class ScriptedGateway implements TaskGateway {

    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> callTimes = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> rollbacks = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> retryableFailures = new ConcurrentHashMap<>();
    final Map<String, String> permanentFailures = new ConcurrentHashMap<>();
    final Map<String, String> vetoes = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> waitFor = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> holdHooks = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> holdApprovalRequests = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    final Map<String, String> decisions = new ConcurrentHashMap<>();
    final Map<String, Consumer<String>> undecided = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();

    CountDownLatch startedLatch(String name) {
        return started.computeIfAbsent(name, k -> new CountDownLatch(1));
    }

    /** @return counted down once the named step ({@code hook:<task>}, {@code approval:<task>}) began */
    CountDownLatch enteredLatch(String step) {
        return entered.computeIfAbsent(step, k -> new CountDownLatch(1));
    }

    private void hold(String step, CountDownLatch latch) {
        enteredLatch(step).countDown();
        try {
            if (latch != null && !latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(step + " waited 10 s for its latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step + " interrupted", e);
        }
    }

    @Override
    public HookOutcome beforeTask(TaskSpec task) {
        hold("hook:" + task.name(), holdHooks.get(task.name()));
        String veto = vetoes.get(task.name());
        return veto == null ? HookOutcome.proceed(task) : new HookOutcome(true, "guard-hook", veto, task);
    }

    @Override
    public void afterTask(TaskSpec task, TaskRecord outcome) {
        // nothing to tell: the journal records the outcome
    }

    @Override
    public Object invoke(TaskSpec task, int attempt) throws TaskFailure {
        int now = running.incrementAndGet();
        mostRunning.accumulateAndGet(now, Math::max);
        try {
            calls.add(task.name());
            callTimes.add(System.nanoTime());
            startedLatch(task.name()).countDown();
            CountDownLatch latch = waitFor.get(task.name());
            if (latch != null && !latch.await(10, TimeUnit.SECONDS)) {
                throw new TaskFailure("test-stuck", 0, task.name() + " waited 10 s for its latch", false);
            }
            if (retryableFailures.getOrDefault(task.name(), 0) >= attempt) {
                throw new TaskFailure("extension-busy", 503, task.name() + " busy at attempt " + attempt, true);
            }
            String permanent = permanentFailures.get(task.name());
            if (permanent != null) {
                throw new TaskFailure("invalid-input", 400, permanent, false);
            }
            return Map.of("done", task.name(), "attempt", attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("interrupted", 0, "interrupted", false);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void rollback(TaskSpec task) {
        rollbacks.add(task.name());
    }

    @Override
    public String requestApproval(TaskSpec task) {
        hold("approval:" + task.name(), holdApprovalRequests.get(task.name()));
        return "confirmation-of-" + task.name();
    }

    @Override
    public void awaitDecision(String confirmationId, Consumer<String> decided) {
        String decision = decisions.get(confirmationId.substring("confirmation-of-".length()));
        if (decision == null) {
            undecided.put(confirmationId, decided);
        } else {
            decided.accept(decision);
        }
    }
}
