package dev.palisade.core.extension.run;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.host.bridge.HostProblem;

/**
 * Runs the invocations of one extension version on its own bounded thread pool, with a time limit, and
 * keeps its accounting and quarantine state.
 *
 * <p>Each call is handed to one of at most {@link RuntimeLimits#threads()} threads named
 * {@code palisade-ext-<name>-<n>}, behind a queue of {@link RuntimeLimits#queue()}; when both are full the
 * call is turned away (503). The caller waits at most the version's timeout; a call that runs longer is
 * answered 504, its thread is interrupted and abandoned: it keeps its slot in the pool (so a looping
 * extension cannot take more threads) and is counted in {@link RuntimeStats#stuckThreads()} until it ends.
 * Sandbox denials ({@link #violated}), timeouts and calls that ended in a VirtualMachineError ({@link #exhausted})
 * are counted; reaching the threshold of any of them quarantines
 * the extension: it takes no calls (409) until an operator {@linkplain #release releases} it, which also
 * replaces the pool, so that stuck threads no longer block it. Thread-safe.
 */
public final class ExtensionRuntime {

    private static final System.Logger LOG = System.getLogger(ExtensionRuntime.class.getName());
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int FINISHED = 2;
    private static final int ABANDONED = 3;

    private final String extensionId;
    private final String label;
    private final String threadPrefix;
    private final Duration timeout;
    private final RuntimeLimits limits;
    private final AuditTrail audit;
    private final Clock clock;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicInteger stuck = new AtomicInteger();
    private final AtomicReference<Quarantine> quarantine = new AtomicReference<>();
    private final Object lock = new Object();
    private long violationsSinceRelease;
    /** Timeouts and VirtualMachineErrors since the last release: one count, so a mix of both quarantines too. */
    private long exhaustionsSinceRelease;
    private ThreadPoolExecutor executor;
    private boolean closed;
    private final java.util.List<AutoCloseable> resources = new java.util.ArrayList<>();
    private final java.util.List<java.util.function.Consumer<Thread>> timeoutActions =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param extensionId the extension's id
     * @param name        the extension's name (threads are named after it)
     * @param version     the version this runtime serves
     * @param timeout     this version's invocation time limit
     * @param limits      pool, queue and quarantine thresholds
     * @param audit       where denials, quarantines and releases are recorded
     * @param clock       for quarantine times
     */
    public ExtensionRuntime(String extensionId, String name, String version, Duration timeout, RuntimeLimits limits,
            AuditTrail audit, Clock clock) {
        this.extensionId = extensionId;
        this.label = name + " " + version;
        this.threadPrefix = "palisade-ext-" + name + "-";
        this.timeout = timeout;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return this version's invocation time limit */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code work} on this extension's pool and waits for it, at most the time limit.
     *
     * @param work the invocation; runs on a pool thread
     * @return what {@code work} returned
     * @throws HostProblem 409 {@code extension-quarantined}; 503 {@code extension-busy} when threads and queue are
     *         full, {@code extension-stopped} when this runtime is closed (an update, an undeploy, the host
     *         stopping), {@code invocation-interrupted} when the calling thread was interrupted while it waited;
     *         504 {@code invocation-timeout} when the limit passed
     * @throws Throwable whatever {@code work} threw, unchanged
     */
    public Object call(Callable<Object> work) throws Throwable {
        Quarantine held = quarantine.get();
        if (held != null) {
            throw quarantined(held);
        }
        AtomicInteger state = new AtomicInteger(QUEUED);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Callable<Object> task = () -> {
            worker.set(Thread.currentThread());
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return null; // abandoned while it waited in the queue: its caller is gone
            }
            try {
                return work.call();
            } finally {
                if (!state.compareAndSet(RUNNING, FINISHED)) {
                    stuck.decrementAndGet(); // an abandoned invocation ended after all
                }
            }
        };
        Future<Object> future;
        try {
            future = executor().submit(task);
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw isClosed() ? stopped() : busy();
        }
        calls.incrementAndGet();
        long start = System.nanoTime();
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            failures.incrementAndGet();
            throw e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                stuck.incrementAndGet();
            } else if (!state.compareAndSet(QUEUED, ABANDONED)) {
                return finishedMeanwhile(future);
            }
            future.cancel(true); // interrupts the thread; it keeps its slot until the work returns
            Thread ranIt = worker.get();
            if (ranIt != null) {
                timeoutActions.forEach(action -> action.accept(ranIt));
            }
            failures.incrementAndGet();
            timedOut();
            throw new HostProblem(504, "invocation-timeout", "The invocation timed out",
                    "extension " + label + " did not answer within " + timeout.toMillis() + " ms; its thread was"
                            + " interrupted and abandoned. Raise implementation.configuration.timeout_ms in the"
                            + " descriptor (at most " + limits.maxTimeout().toMillis() + " ms) if the work is"
                            + " legitimately slow, or report the hang to the extension's publisher",
                    properties());
        } catch (CancellationException e) {
            failures.incrementAndGet();
            throw isClosed() ? stopped() : busy();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            failures.incrementAndGet();
            throw new HostProblem(503, "invocation-interrupted", "The invocation was interrupted",
                    "the thread calling extension " + label + " was interrupted while it waited for the answer (its"
                            + " caller or the host is stopping); the call was cancelled", properties());
        } finally {
            totalNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /**
     * Runs the creation of this version's plugin (its entry class's static initializer and constructor) on this
     * extension's pool, under the same time limit as a call, without counting it as a call. A creation that runs
     * past the limit is interrupted and abandoned like a timed-out call (its thread keeps its slot).
     *
     * @param work creates the plugin; runs on a pool thread
     * @return what {@code work} returned
     * @throws TimeoutException when the limit passed
     * @throws RejectedExecutionException when the pool is closed or full
     * @throws InterruptedException when the deploying thread was interrupted while it waited
     * @throws Throwable whatever {@code work} threw, unchanged
     */
    public Object create(Callable<Object> work) throws Throwable {
        AtomicInteger state = new AtomicInteger(QUEUED);
        Future<Object> future = executor().submit(() -> {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return null;
            }
            try {
                return work.call();
            } finally {
                if (!state.compareAndSet(RUNNING, FINISHED)) {
                    stuck.decrementAndGet();
                }
            }
        });
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                stuck.incrementAndGet();
            } else if (!state.compareAndSet(QUEUED, ABANDONED)) {
                return finishedMeanwhile(future);
            }
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private Object finishedMeanwhile(Future<Object> future) throws Throwable {
        try {
            return future.get();
        } catch (ExecutionException e) {
            failures.incrementAndGet();
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    /** Counts a sandbox denial of this extension, audits it and quarantines at the threshold. Fast, never throws. */
    public void violated(SandboxViolation violation) {
        violations.incrementAndGet();
        audit.record(extensionId, "permission-denied", extensionId, violation.getMessage() + " (" + label + ")");
        long count;
        synchronized (lock) {
            count = ++violationsSinceRelease;
        }
        if (count >= limits.violationsThreshold()) {
            quarantine(count + " sandbox denials (threshold " + limits.violationsThreshold() + ", set by "
                    + RuntimeLimits.QUARANTINE_VIOLATIONS + "); the last: " + violation.getMessage());
        }
    }

    /**
     * Counts an invocation that ended in a {@link VirtualMachineError} (an allocation bomb's
     * {@link OutOfMemoryError}, a {@link StackOverflowError}) on this extension's thread, audits it and
     * quarantines at the timeouts' threshold ({@value RuntimeLimits#QUARANTINE_TIMEOUTS}): exhausting memory is
     * treated like exhausting time, and both count together (an allocation bomb on a loaded machine may end
     * one call in a timeout and the next in an OutOfMemoryError). Fast, never throws.
     *
     * @param error the error's class name
     */
    public void exhausted(String error) {
        audit.record(AuditTrail.HOST, "invocation-exhausted", extensionId, label + " ended a call with " + error);
        long count;
        synchronized (lock) {
            count = ++exhaustionsSinceRelease;
        }
        if (count >= limits.timeoutsThreshold()) {
            quarantine(count + " invocations timed out or ended in a VirtualMachineError, the last in " + error
                    + " (threshold " + limits.timeoutsThreshold() + ", set by " + RuntimeLimits.QUARANTINE_TIMEOUTS
                    + ")");
        }
    }

    private void timedOut() {
        timeouts.incrementAndGet();
        audit.record(AuditTrail.HOST, "invocation-timeout", extensionId,
                label + " ran past its " + timeout.toMillis() + " ms limit");
        long count;
        synchronized (lock) {
            count = ++exhaustionsSinceRelease;
        }
        if (count >= limits.timeoutsThreshold()) {
            quarantine(count + " invocations timed out or ended in a VirtualMachineError, the last past its "
                    + timeout.toMillis() + " ms limit (threshold " + limits.timeoutsThreshold() + ", set by "
                    + RuntimeLimits.QUARANTINE_TIMEOUTS + ")");
        }
    }

    private void quarantine(String why) {
        Quarantine next = new Quarantine(clock.instant(), label + " is quarantined after " + why
                + "; release it with POST /api/v1/mplp/extensions/" + extensionId + "/release once the cause is"
                + " understood");
        if (quarantine.compareAndSet(null, next)) {
            audit.record(AuditTrail.HOST, "quarantined", extensionId, next.reason());
            LOG.log(System.Logger.Level.WARNING, next.reason());
        }
    }

    /** @return why this extension takes no calls, if it is quarantined */
    public Optional<Quarantine> quarantine() {
        return Optional.ofNullable(quarantine.get());
    }

    /**
     * Lifts the quarantine: counting toward the thresholds starts again from zero, and the thread pool is
     * replaced (stuck threads of the old pool are interrupted once more and left to end).
     *
     * @param by who released it, for the audit line
     * @return the quarantine that was lifted, or empty when there was none
     */
    public Optional<Quarantine> release(String by) {
        Quarantine lifted = quarantine.getAndSet(null);
        ThreadPoolExecutor old;
        synchronized (lock) {
            violationsSinceRelease = 0;
            exhaustionsSinceRelease = 0;
            old = stuck.get() > 0 ? executor : null;
            if (old != null) {
                executor = null;
            }
        }
        if (old != null) {
            old.shutdownNow();
        }
        if (lifted != null) {
            audit.record(AuditTrail.OPERATOR, "released", extensionId, label + " released from quarantine by " + by
                    + " (it was: " + lifted.reason() + ")");
        }
        return Optional.ofNullable(lifted);
    }

    /** @return the accounting so far */
    public RuntimeStats stats() {
        return new RuntimeStats(calls.get(), failures.get(), violations.get(), timeouts.get(), rejected.get(),
                TimeUnit.NANOSECONDS.toMillis(totalNanos.get()), stuck.get(), timeout.toMillis());
    }

    /**
     * Runs {@code action} on the caller's thread whenever a call that had started times out, before the caller
     * is answered, with the pool thread that ran the call, so what that call held (a strict extension's child
     * JVM) is gone before the next call comes. The action must be quick and must not throw.
     */
    public void onTimeout(java.util.function.Consumer<Thread> action) {
        timeoutActions.add(action);
    }

    /**
     * Ties a resource of this version (a strict extension's child JVM) to this runtime: {@link #close} closes it
     * after stopping the pool; on a closed runtime it is closed at once.
     */
    public void closeWith(AutoCloseable resource) {
        synchronized (lock) {
            if (!closed) {
                resources.add(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    /**
     * Stops the pool (running invocations are interrupted, later calls are turned away), then closes the
     * resources {@linkplain #closeWith tied} to it.
     */
    public void close() {
        ThreadPoolExecutor old;
        java.util.List<AutoCloseable> tied;
        synchronized (lock) {
            closed = true;
            old = executor;
            executor = null;
            tied = java.util.List.copyOf(resources);
            resources.clear();
        }
        if (old != null) {
            old.shutdownNow();
        }
        tied.forEach(ExtensionRuntime::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + resource + " failed: " + e);
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private HostProblem stopped() {
        return new HostProblem(503, "extension-stopped", "The extension is stopping",
                "extension " + label + " is stopped or stopping (an update, an undeploy or the host stopping); retry:"
                        + " the call goes to what serves the extension now, if anything does", properties());
    }

    private ThreadPoolExecutor executor() {
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("closed");
            }
            if (executor == null) {
                BlockingQueue<Runnable> queue = limits.queue() == 0 ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queue());
                executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS, queue,
                        CallThreads.named(threadPrefix), new ThreadPoolExecutor.AbortPolicy());
            }
            return executor;
        }
    }

    private HostProblem busy() {
        return new HostProblem(503, "extension-busy", "The extension is busy",
                "extension " + label + " has all its " + limits.threads() + " threads and " + limits.queue()
                        + " queue places taken; retry later, or raise " + RuntimeLimits.THREADS + " and "
                        + RuntimeLimits.QUEUE + " in etc/palisade.properties", properties());
    }

    private HostProblem quarantined(Quarantine held) {
        Map<String, Object> props = properties();
        props.put("state", "quarantined");
        props.put("since", held.since().toString());
        return new HostProblem(409, "extension-quarantined", "The extension is quarantined", held.reason(), props);
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("extension", extensionId);
        return props;
    }
}
