package dev.palisade.core.extension.isolate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.core.extension.deploy.DeploymentFailure;
import dev.palisade.core.extension.invoke.ExtensionFailure;

/**
 * The host's stand-in for the entry instance of a strict plugin: each {@link #invoke} goes over the pipe to the
 * extension's child JVM, on the calling thread (the extension's own pool thread, under its time limit), and the
 * capabilities the child uses meanwhile are performed with the invocation's. A call interrupted at its time
 * limit kills the child; a dead child (killed, out of memory, crashed) is replaced by a new one at the next call,
 * which creates the entry instance again. What fails is thrown as an {@link ExtensionFailure}, so the host
 * answers it as an in-process failure (a child that ran out of memory or crashed counts as a VirtualMachineError
 * toward quarantine). {@link #close} kills the child and deletes its copy of the jar. Thread-safe.
 */
public final class IsolatedPlugin implements Plugin, AutoCloseable {

    private static final String TIMED_OUT = "a call ran past its time limit; the next call starts a new child JVM";

    private final List<String> command;
    private final Map<String, Object> start;
    private final String extensionId;
    private final String name;
    private final String label;
    private final long heapMegabytes;
    private final Path jar;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ChildProcess child;
    private boolean closed;

    IsolatedPlugin(List<String> command, Map<String, Object> start, String extensionId, String name, String label,
            long heapMegabytes, Path jar) {
        this.command = List.copyOf(command);
        this.start = Map.copyOf(start);
        this.extensionId = extensionId;
        this.name = name;
        this.label = label;
        this.heapMegabytes = heapMegabytes;
        this.jar = jar;
    }

    /**
     * Starts the first child and waits until it created the entry instance.
     *
     * @throws DeploymentFailure    naming why the child could not create it
     * @throws InterruptedException when the time limit interrupted the start (the child is killed)
     */
    void startChild() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            child = ChildProcess.start(command, start, extensionId, name, label, heapMegabytes);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        ChildProcess running;
        try {
            running = running();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ExtensionFailure.of("its child JVM", false, "the start of a new child JVM for " + label
                    + " was interrupted");
        }
        try {
            return running.call(method, input, context.invocationId(), context.capabilities());
        } catch (InterruptedException e) {
            running.kill(TIMED_OUT);
            Thread.currentThread().interrupt();
            throw ExtensionFailure.of("its child JVM", false, "the call was interrupted at its time limit");
        }
    }

    private ChildProcess running() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (closed) {
                throw ExtensionFailure.of("its child JVM", false, label + " was retired and its child JVM stopped");
            }
            if (child == null || !child.alive()) {
                try {
                    child = ChildProcess.start(command, start, extensionId, name, label, heapMegabytes);
                } catch (DeploymentFailure e) {
                    throw ExtensionFailure.of("its child JVM", false, "a new child JVM for " + label
                            + " could not create the extension: " + e.reason());
                }
            }
            return child;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Kills the current child when {@code worker}'s call, which ran past its time limit, is one of its calls;
     * the runtime calls this on the timed-out caller's thread before answering, so the next call never reaches
     * the doomed child (and a newer child started meanwhile is left alone). Never blocks.
     */
    public void stopChildServing(Thread worker) {
        ChildProcess current = child;
        if (current != null && current.serving(worker)) {
            current.kill(TIMED_OUT);
        }
    }

    /** Kills the child (calls in flight answer at once) and deletes the child's copy of the jar. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (child != null) {
                child.kill(label + " was retired");
            }
        } finally {
            lock.unlock();
        }
        StrictIsolation.discard(jar, label);
    }
}
