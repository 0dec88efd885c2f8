package dev.palisade.core.extension.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.host.bridge.HostProblem;

class ExtensionRuntimeTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";

    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopLoops = new AtomicBoolean();
    private ExtensionRuntime runtime;

    private ExtensionRuntime runtime(int threads, int queue, long timeoutMillis) {
        RuntimeLimits limits = new RuntimeLimits(Duration.ofMillis(timeoutMillis), Duration.ofSeconds(60), threads, queue,
                3, 3);
        runtime = new ExtensionRuntime(ID, "looper", "1.0.0", Duration.ofMillis(timeoutMillis), limits,
                (actor, action, id, detail) -> audit.add(action + ": " + detail), Clock.systemUTC());
        return runtime;
    }

    @AfterEach
    void stop() {
        stopLoops.set(true);
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Loops without ever looking at its interrupt flag, as a hostile extension would. */
    private Object loopForever() {
        while (!stopLoops.get()) {
            Thread.onSpinWait();
        }
        return "stopped";
    }

    @Test
    void callsRunOnTheExtensionsOwnNamedThreadWithNoContextClassLoaderOfTheCaller() throws Throwable {
        ExtensionRuntime runtime = runtime(2, 2, 1000);
        Object[] seen = (Object[]) runtime.call(() -> new Object[] {Thread.currentThread().getName(),
                Thread.currentThread().getContextClassLoader(), Thread.currentThread().isDaemon()});
        assertEquals("palisade-ext-looper-1", seen[0]);
        assertNull(seen[1]);
        assertEquals(true, seen[2]);
        RuntimeStats stats = runtime.stats();
        assertEquals(1, stats.calls());
        assertEquals(0, stats.failures());
        assertEquals(1000, stats.timeoutMillis());
    }

    @Test
    void exceptionsComeBackUnchangedAndCountAsFailures() {
        ExtensionRuntime runtime = runtime(1, 1, 1000);
        IllegalStateException thrown = new IllegalStateException("boom");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> runtime.call(() -> {
            throw thrown;
        })));
        assertEquals(1, runtime.stats().failures());
    }

    /** Regression: a strict child killed only after the 504 took the next call down with it. */
    @Test
    void timeoutActionsRunBeforeTheCallerIsAnswered() {
        ExtensionRuntime runtime = runtime(4, 0, 100);
        java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        runtime.onTimeout(worker -> ran.add(worker.getName()));
        HostProblem timeout = assertThrows(HostProblem.class, () -> runtime.call(this::loopForever));
        assertEquals(504, timeout.status());
        assertEquals(java.util.List.of("palisade-ext-looper-1"), ran, "ran before the 504, with the call's thread");
    }

    /** Regression: an allocation bomb on a loaded machine timed out twice and ran out of memory once, unquarantined. */
    @Test
    void timeoutsAndExhaustedMemoryCountTogetherTowardQuarantine() {
        ExtensionRuntime runtime = runtime(4, 0, 100);
        for (int i = 0; i < 2; i++) {
            assertThrows(HostProblem.class, () -> runtime.call(this::loopForever));
        }
        assertTrue(runtime.quarantine().isEmpty());
        runtime.exhausted("java.lang.OutOfMemoryError");
        assertEquals("looper 1.0.0 is quarantined after 3 invocations timed out or ended in a VirtualMachineError,"
                + " the last in java.lang.OutOfMemoryError (threshold 3, set by palisade.quarantine.timeouts); release"
                + " it with POST /api/v1/mplp/extensions/" + ID + "/release once the cause is understood",
                runtime.quarantine().orElseThrow().reason());
    }

    @Test
    void aLoopThatIgnoresInterruptsTimesOutKeepsItsThreadAndQuarantinesAtTheThreshold() throws Throwable {
        ExtensionRuntime runtime = runtime(4, 0, 100);
        for (int i = 1; i <= 3; i++) {
            HostProblem timeout = assertThrows(HostProblem.class, () -> runtime.call(this::loopForever));
            assertEquals(504, timeout.status());
            assertEquals("invocation-timeout", timeout.type());
            assertEquals("extension looper 1.0.0 did not answer within 100 ms; its thread was interrupted and"
                    + " abandoned. Raise implementation.configuration.timeout_ms in the descriptor (at most 60000 ms)"
                    + " if the work is legitimately slow, or report the hang to the extension's publisher",
                    timeout.detail());
            assertEquals(i, runtime.stats().stuckThreads(), "an abandoned thread stays counted");
        }
        RuntimeStats stats = runtime.stats();
        assertEquals(3, stats.timeouts());
        assertEquals(3, stats.failures());
        assertTrue(stats.totalMillis() >= 300, String.valueOf(stats.totalMillis()));

        Quarantine quarantine = runtime.quarantine().orElseThrow();
        assertEquals("looper 1.0.0 is quarantined after 3 invocations timed out or ended in a VirtualMachineError,"
                + " the last past its 100 ms limit (threshold 3, set by palisade.quarantine.timeouts); release it with"
                + " POST /api/v1/mplp/extensions/" + ID + "/release once the cause is understood", quarantine.reason());
        HostProblem refused = assertThrows(HostProblem.class, () -> runtime.call(() -> "never runs"));
        assertEquals(409, refused.status());
        assertEquals("extension-quarantined", refused.type());
        assertEquals(quarantine.reason(), refused.detail());
        assertEquals(3, runtime.stats().calls(), "a refused call never reaches the pool");

        assertEquals(quarantine, runtime.release("operator").orElseThrow());
        assertEquals("released: looper 1.0.0 released from quarantine by operator (it was: " + quarantine.reason() + ")",
                audit.get(audit.size() - 1));
        assertEquals("ok", runtime.call(() -> "ok"), "a fresh pool serves after the release");
        assertTrue(runtime.release("operator").isEmpty());
    }

    @Test
    void aSleeperIsInterruptedAndItsThreadReturnsToThePool() throws Throwable {
        ExtensionRuntime runtime = runtime(1, 1, 100);
        CountDownLatch interrupted = new CountDownLatch(1);
        HostProblem timeout = assertThrows(HostProblem.class, () -> runtime.call(() -> {
            try {
                Thread.sleep(10_000);
                return "slept";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }));
        assertEquals(504, timeout.status());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runtime.stats().stuckThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, runtime.stats().stuckThreads());
        assertEquals("ok", runtime.call(() -> "ok"), "the single thread serves again");
        assertTrue(runtime.quarantine().isEmpty());
    }

    @Test
    void aFullPoolAndQueueTurnCallsAway() throws Throwable {
        ExtensionRuntime runtime = runtime(1, 1, 100);
        assertThrows(HostProblem.class, () -> runtime.call(this::loopForever)); // holds the only thread
        Thread queued = new Thread(() -> {
            try {
                runtime.call(() -> "queued");
            } catch (Throwable ignored) {
                // it times out behind the loop
            }
        });
        queued.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runtime.stats().calls() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        HostProblem busy = assertThrows(HostProblem.class, () -> runtime.call(() -> "no room"));
        assertEquals(503, busy.status());
        assertEquals("extension-busy", busy.type());
        assertEquals("extension looper 1.0.0 has all its 1 threads and 1 queue places taken; retry later, or raise"
                + " palisade.invoke.threads and palisade.invoke.queue in etc/palisade.properties", busy.detail());
        assertEquals(1, runtime.stats().rejected());
        queued.join(5000);
    }

    @Test
    void aClosedRuntimeAndAnInterruptedCallerAreNotCalledBusy() throws Exception {
        ExtensionRuntime runtime = runtime(1, 1, 5000);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> answer = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                runtime.call(() -> {
                    started.countDown();
                    return loopForever();
                });
            } catch (Throwable e) {
                answer.set(e);
            }
        });
        caller.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(5000);
        HostProblem interrupted = (HostProblem) answer.get();
        assertEquals(503, interrupted.status());
        assertEquals("invocation-interrupted", interrupted.type());

        runtime.close();
        HostProblem stopped = assertThrows(HostProblem.class, () -> runtime.call(() -> "after close"));
        assertEquals(503, stopped.status());
        assertEquals("extension-stopped", stopped.type());
        assertEquals(0, runtime.stats().timeouts());
    }

    @Test
    void denialsAreCountedAuditedAndQuarantineAtTheThreshold() {
        ExtensionRuntime runtime = runtime(1, 1, 1000);
        for (int i = 0; i < 3; i++) {
            runtime.violated(new SandboxViolation(ID, "file.read", "/etc/passwd"));
        }
        assertEquals(3, runtime.stats().violations());
        assertEquals("permission-denied: extension [" + ID + "], permission [file.read], target [/etc/passwd]"
                + " (looper 1.0.0)", audit.get(0));
        assertEquals("looper 1.0.0 is quarantined after 3 sandbox denials (threshold 3, set by"
                + " palisade.quarantine.violations); the last: extension [" + ID + "], permission [file.read], target"
                + " [/etc/passwd]; release it with POST /api/v1/mplp/extensions/" + ID + "/release once the cause is"
                + " understood", runtime.quarantine().orElseThrow().reason());
        assertTrue(audit.get(audit.size() - 1).startsWith("quarantined: looper 1.0.0 is quarantined after 3"));
    }

    @Test
    void limitsComeFromPropertiesWithDefaultsAndClearErrors() {
        RuntimeLimits defaults = RuntimeLimits.defaults();
        assertEquals(new RuntimeLimits(Duration.ofMillis(5000), Duration.ofMillis(60000), 4, 16, 3, 3), defaults);
        assertEquals(Duration.ofMillis(60000), defaults.timeoutFor(999_999L));
        assertEquals(Duration.ofMillis(250), defaults.timeoutFor(250L));
        assertEquals(Duration.ofMillis(5000), defaults.timeoutFor(null));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuntimeLimits.from(key -> key.equals(RuntimeLimits.THREADS) ? "zero" : null));
        assertEquals("framework property palisade.invoke.threads is 'zero'; set it to a whole number from 1 to 256"
                + " (default 4) in etc/palisade.properties", e.getMessage());
    }
}
