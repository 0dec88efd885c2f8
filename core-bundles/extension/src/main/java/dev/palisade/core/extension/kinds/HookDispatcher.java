package dev.palisade.core.extension.kinds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.palisade.api.extension.Hook;
import dev.palisade.api.extension.HookDecision;
import dev.palisade.core.extension.invoke.EntryCall;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.host.bridge.HookVerdict;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;

/**
 * {@link LifecycleHooks} over the deployed hook extensions. A before-round calls, one after another in name
 * order, every started, unquarantined hook listing {@code before:<event>}, each on its own pool within its budget
 * ({@code hook_budget_ms}); the first veto ends the round; an amendment replaces the payload the next hook sees
 * and the verdict carries; a hook that throws, answers {@code null} or something that is not a decision, or runs
 * past its budget is skipped and logged at WARNING (its runtime counts the failure, an overrun toward
 * quarantine). After-calls are queued on a host pool of {@value #AFTER_THREADS} threads (queue
 * {@value #AFTER_QUEUE}; when full the call is dropped and logged) that only waits for the hooks' own pools.
 * With no hook serving the event nothing is copied: the verdict carries the caller's payload itself. Hooks fail
 * open (a failing hook is skipped), so they are no enforcement point; a guard belongs in a policy.
 * Thread-safe.
 */
public final class HookDispatcher implements LifecycleHooks {

    static final int AFTER_THREADS = 2;
    static final int AFTER_QUEUE = 1000;

    private static final System.Logger LOG = System.getLogger(HookDispatcher.class.getName());

    private final Subscribers subscribers;
    private final EntryCall calls;
    private final ThreadPoolExecutor afterPool;

    /**
     * @param registry the deployed extensions
     * @param calls    runs each call on the hook's own pool, under its grants and budget
     */
    public HookDispatcher(ExtensionRegistry registry, EntryCall calls) {
        this.subscribers = new Subscribers(registry);
        this.calls = calls;
        AtomicInteger count = new AtomicInteger();
        this.afterPool = new ThreadPoolExecutor(AFTER_THREADS, AFTER_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(AFTER_QUEUE), work -> {
                    Thread thread = new Thread(work, "palisade-hooks-after-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * @throws IllegalArgumentException when {@code payload} is not plain JSON (a defect of the calling module)
     */
    @Override
    public HookVerdict before(String event, Map<String, Object> payload) {
        String subscription = "before:" + event;
        List<ActiveExtension> serving = subscribers.serving(ExtensionKind.HOOK, subscription);
        if (serving.isEmpty()) {
            return new HookVerdict(false, null, null, payload);
        }
        Map<String, Object> current = JsonCopies.of(payload, "the payload of " + subscription);
        for (ActiveExtension hook : serving) {
            Map<String, Object> given = JsonCopies.of(current, "the payload of " + subscription);
            Map<?, ?> answer;
            try {
                answer = (Map<?, ?>) calls.run(hook, subscription,
                        (entry, context) -> decision(((Hook) entry).before(event, given, context)));
            } catch (HostProblem e) {
                LOG.log(System.Logger.Level.WARNING, "hook " + hook.label() + " skipped for " + subscription + " ["
                        + e.type() + "]: " + detail(hook, e));
                continue;
            }
            String outcome = (String) answer.get("outcome");
            if (HookDecision.Outcome.VETO.name().equals(outcome)) {
                return new HookVerdict(true, hook.name(), (String) answer.get("reason"), current);
            }
            if (HookDecision.Outcome.AMEND.name().equals(outcome)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> amended = (Map<String, Object>) answer.get("payload");
                current = amended;
            }
        }
        return new HookVerdict(false, null, null, current);
    }

    /** Runs on the hook's thread: reads the decision (API accessors) into a map the call then copies. */
    private static Map<String, Object> decision(HookDecision decision) {
        if (decision == null) {
            throw new IllegalStateException("before returned null; return HookDecision.allow(), veto(reason) or"
                    + " amend(payload)");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", decision.outcome().name());
        json.put("reason", decision.reason());
        json.put("payload", decision.payload());
        return json;
    }

    /**
     * @throws IllegalArgumentException when {@code payload} is not plain JSON (a defect of the calling module)
     */
    @Override
    public void after(String event, Map<String, Object> payload) {
        String subscription = "after:" + event;
        List<ActiveExtension> serving = subscribers.serving(ExtensionKind.HOOK, subscription);
        if (serving.isEmpty()) {
            return;
        }
        Map<String, Object> copy = JsonCopies.of(payload, "the payload of " + subscription);
        for (ActiveExtension hook : serving) {
            Map<String, Object> given = JsonCopies.of(copy, "the payload of " + subscription);
            try {
                afterPool.execute(() -> tellAfter(hook, event, subscription, given));
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "hook " + hook.label() + " not told about " + subscription
                        + ": " + AFTER_QUEUE + " after-calls are already waiting (or the host is stopping)");
            }
        }
    }

    private void tellAfter(ActiveExtension hook, String event, String subscription, Map<String, Object> given) {
        try {
            calls.run(hook, subscription, (entry, context) -> {
                ((Hook) entry).after(event, given, context);
                return null;
            });
        } catch (HostProblem e) {
            LOG.log(System.Logger.Level.WARNING, "hook " + hook.label() + " failed for " + subscription + " ["
                    + e.type() + "]: " + detail(hook, e));
        }
    }

    /**
     * @return the problem's detail; for an overrun, one naming the setting a hook's publisher changes: a hook's
     *         time limit is {@code hook_budget_ms}, not the {@code timeout_ms} the runtime names for plugins
     */
    private static String detail(ActiveExtension hook, HostProblem e) {
        if (!"invocation-timeout".equals(e.type())) {
            return e.detail();
        }
        return "hook " + hook.label() + " did not answer within its budget of " + hook.runtime().timeout().toMillis()
                + " ms; its thread was interrupted and abandoned. Raise implementation.configuration.hook_budget_ms"
                + " in the descriptor (at most " + RuntimeLimits.MAX_HOOK_BUDGET.toMillis() + " ms) if the work is"
                + " legitimately slow, or report the hang to the hook's publisher";
    }

    /** Stops the after-pool: queued after-calls are dropped, running ones interrupted. */
    public void close() {
        afterPool.shutdownNow();
    }
}
