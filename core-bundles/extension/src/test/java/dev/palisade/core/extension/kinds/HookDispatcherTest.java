package dev.palisade.core.extension.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.palisade.api.extension.Hook;
import dev.palisade.api.extension.HookDecision;
import dev.palisade.api.extension.InvocationContext;
import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.host.bridge.HookVerdict;

class HookDispatcherTest {

    private final KindsTesting kinds = new KindsTesting();
    private final HookDispatcher hooks = new HookDispatcher(kinds.registry, kinds.calls);

    @AfterEach
    void close() {
        hooks.close();
        kinds.close();
    }

    /** A hook whose before-answer {@code answer} computes from the payload; counts its calls (before and after). */
    private static final class TestHook implements Hook {
        final AtomicInteger calls = new AtomicInteger();
        private final Function<Map<String, Object>, HookDecision> answer;

        TestHook(Function<Map<String, Object>, HookDecision> answer) {
            this.answer = answer;
        }

        @Override
        public HookDecision before(String event, Map<String, Object> payload, InvocationContext context) {
            calls.incrementAndGet();
            return answer.apply(payload);
        }

        @Override
        public void after(String event, Map<String, Object> payload, InvocationContext context) {
            calls.incrementAndGet();
        }
    }

    /** Amends the payload by adding its name to the list {@code seen}. */
    private static TestHook stamping(String name) {
        return new TestHook(payload -> {
            Map<String, Object> amended = new LinkedHashMap<>(payload);
            @SuppressWarnings("unchecked")
            List<Object> seen = new ArrayList<>((List<Object>) payload.getOrDefault("seen", List.of()));
            seen.add(name);
            amended.put("seen", seen);
            return HookDecision.amend(amended);
        });
    }

    private ActiveExtension hook(String name, Hook entry, String... events) {
        return kinds.add("hook", name, List.of(events), entry);
    }

    @Test
    void beforeHooksRunInNameOrderAndEachSeesTheAmendmentsBeforeIt() {
        hook("b-stamp", stamping("b-stamp"), "before:task.execute");
        hook("a-stamp", stamping("a-stamp"), "before:task.execute");
        hook("c-stamp", stamping("c-stamp"), "before:task.execute");

        HookVerdict verdict = hooks.before("task.execute", Map.of("task_id", "t1"));

        assertFalse(verdict.vetoed());
        assertNull(verdict.hook());
        assertEquals(Map.of("task_id", "t1", "seen", List.of("a-stamp", "b-stamp", "c-stamp")), verdict.payload());
    }

    @Test
    void theFirstVetoWinsWithThePayloadAsAmendedSoFarAndLaterHooksAreNotAsked() {
        hook("a-stamp", stamping("a-stamp"), "before:task.execute");
        hook("b-guard", new TestHook(payload -> HookDecision.veto("no change ticket")), "before:task.execute");
        TestHook later = new TestHook(payload -> HookDecision.veto("later"));
        hook("c-later", later, "before:task.execute");

        HookVerdict verdict = hooks.before("task.execute", Map.of("task_id", "t1"));

        assertTrue(verdict.vetoed());
        assertEquals("b-guard", verdict.hook());
        assertEquals("no change ticket", verdict.reason());
        assertEquals(Map.of("task_id", "t1", "seen", List.of("a-stamp")), verdict.payload());
        assertEquals(0, later.calls.get());
    }

    @Test
    void aHookPastItsBudgetIsSkippedCountedAndDoesNotHoldTheOperation() {
        ActiveExtension slow = kinds.add("hook", "a-slow", List.of("before:task.execute"), new TestHook(payload -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HookDecision.veto("too late to matter");
        }), Duration.ofMillis(200), ExtensionPermissions.NONE);
        hook("b-stamp", stamping("b-stamp"), "before:task.execute");

        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(HookDispatcher.class.getName());
        // only this round's lines: an after-hook of an earlier test may still be logging on its own thread
        log.setFilter(record -> !(record.getMessage().contains(" for before:task.execute ")
                && warnings.add(record.getMessage())));
        long start = System.nanoTime();
        HookVerdict verdict;
        try {
            verdict = hooks.before("task.execute", Map.of());
        } finally {
            log.setFilter(null);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertFalse(verdict.vetoed());
        assertEquals(Map.of("seen", List.of("b-stamp")), verdict.payload());
        assertTrue(millis < 3_000, "the round took " + millis + " ms");
        assertEquals(1, slow.runtime().stats().timeouts());
        assertEquals(List.of("hook a-slow 1.0.0 skipped for before:task.execute [invocation-timeout]: hook a-slow 1.0.0"
                + " did not answer within its budget of 200 ms; its thread was interrupted and abandoned. Raise"
                + " implementation.configuration.hook_budget_ms in the descriptor (at most 5000 ms) if the work is"
                + " legitimately slow, or report the hang to the hook's publisher"), warnings);
    }

    @Test
    void aHookThatThrowsOrAnswersNullIsSkippedAndCountedAsAFailure() {
        ActiveExtension throwing = hook("a-throws", new TestHook(payload -> {
            throw new IllegalStateException("broken");
        }), "before:plan.create");
        ActiveExtension silent = hook("b-null", new TestHook(payload -> null), "before:plan.create");
        hook("c-stamp", stamping("c-stamp"), "before:plan.create");

        HookVerdict verdict = hooks.before("plan.create", Map.of("name", "p"));

        assertFalse(verdict.vetoed());
        assertEquals(Map.of("name", "p", "seen", List.of("c-stamp")), verdict.payload());
        assertEquals(1, throwing.runtime().stats().failures());
        assertEquals(1, silent.runtime().stats().failures());
    }

    @Test
    void onlyStartedHooksListingThisVerbAndEventAreAsked() {
        TestHook other = new TestHook(payload -> HookDecision.veto("other event"));
        hook("a-other-event", other, "before:plan.create", "after:task.execute");
        kinds.addPending("hook", "b-pending", List.of("before:task.execute"));
        TestHook policyLike = new TestHook(payload -> HookDecision.veto("not a hook"));
        kinds.add("policy", "c-policy", List.of("before:task.execute"), policyLike);

        HookVerdict verdict = hooks.before("task.execute", Map.of("task_id", "t1"));

        assertFalse(verdict.vetoed());
        assertEquals(Map.of("task_id", "t1"), verdict.payload());
        assertEquals(0, other.calls.get());
        assertEquals(0, policyLike.calls.get());
    }

    @Test
    void aHookChangingItsCopyWithoutAmendingChangesNothing() {
        hook("a-mutates", new TestHook(payload -> {
            payload.put("target", "staging");
            return HookDecision.allow();
        }), "before:task.execute");

        Map<String, Object> payload = new LinkedHashMap<>(Map.of("target", "production"));
        HookVerdict verdict = hooks.before("task.execute", payload);

        assertEquals(Map.of("target", "production"), verdict.payload());
        assertEquals(Map.of("target", "production"), payload);
    }

    @Test
    void afterHooksAreToldAsynchronously() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Map<String, Object>> told = new ArrayBlockingQueue<>(1);
        hook("a-after", new Hook() {
            @Override
            public HookDecision before(String event, Map<String, Object> payload, InvocationContext context) {
                return HookDecision.allow();
            }

            @Override
            public void after(String event, Map<String, Object> payload, InvocationContext context) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                told.add(Map.of("event", event, "payload", payload));
            }
        }, "after:plan.create");

        long start = System.nanoTime();
        hooks.after("plan.create", Map.of("plan_id", "p1"));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000, "after waited for the hook");
        release.countDown();

        assertEquals(Map.of("event", "plan.create", "payload", Map.of("plan_id", "p1")), told.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void noHooksMeansTheOperationProceedsWithItsPayload() {
        HookVerdict verdict = hooks.before("context.create", Map.of("name", "c"));

        assertEquals(new HookVerdict(false, null, null, Map.of("name", "c")), verdict);
    }

    @Test
    void withNoHookServingTheEventThePayloadIsAnsweredItselfWithoutACopy() {
        hook("a-other-event", stamping("a"), "before:plan.create");
        Map<String, Object> payload = new LinkedHashMap<>(Map.of("name", "c"));

        HookVerdict verdict = hooks.before("context.create", payload);

        assertSame(payload, verdict.payload());
        assertFalse(verdict.vetoed());
    }
}
