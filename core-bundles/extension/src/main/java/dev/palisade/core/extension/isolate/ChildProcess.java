package dev.palisade.core.extension.isolate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.core.extension.capability.LogText;
import dev.palisade.core.extension.deploy.DeploymentFailure;
import dev.palisade.core.extension.deploy.Reasons;
import dev.palisade.core.extension.invoke.ExtensionFailure;
import dev.palisade.sandbox.policy.DecisionPoint;

/**
 * One running child JVM of a strict extension, seen from the host. A reader thread takes every message the child
 * writes and hands it to the call it belongs to (or, for a {@link Pipe#VIOLATION}, records the denial through the
 * host's decision point, so it is counted, audited and may quarantine as an in-process one); a second thread
 * copies the child's standard error into the host's log, each line prefixed with the extension's name. When the
 * child's output ends (it exited, ran out of memory, crashed, or was {@linkplain #kill killed}) every waiting
 * call is answered at once with what ended it: the host never waits on a dead child. Thread-safe.
 */
final class ChildProcess {

    /** The exit status of a JVM that {@code -XX:+ExitOnOutOfMemoryError} ended. */
    static final int OUT_OF_MEMORY_STATUS = 3;

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());
    private static final String DIED = "died";
    private static final long STARTUP = 0;

    private final Process process;
    private final Pipe pipe;
    private final String extensionId;
    private final String label;
    private final long heapMegabytes;
    private final AtomicLong calls = new AtomicLong(STARTUP);
    private final ConcurrentMap<Long, BlockingQueue<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Thread> callers = new ConcurrentHashMap<>();
    private volatile String killedBecause;
    private volatile ExtensionFailure death;

    private ChildProcess(Process process, String extensionId, String label, long heapMegabytes) {
        this.process = process;
        this.pipe = new Pipe(process.getInputStream(), process.getOutputStream());
        this.extensionId = extensionId;
        this.label = label;
        this.heapMegabytes = heapMegabytes;
        waiting.put(STARTUP, new LinkedBlockingQueue<>());
    }

    /**
     * Starts the child, sends it {@code start} and waits until it created the extension.
     *
     * @param command       the child's command line
     * @param start         the {@link Pipe#START} message
     * @param heapMegabytes the child's {@code -Xmx}, for messages
     * @return the child, ready for calls
     * @throws DeploymentFailure    when the child cannot be started, refused the extension or died meanwhile
     * @throws InterruptedException when the waiting thread was interrupted (the child is killed)
     */
    static ChildProcess start(List<String> command, Map<String, Object> start, String extensionId, String name,
            String label, long heapMegabytes) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new DeploymentFailure(Reasons.START_FAILED, "the child JVM of strict extension " + label
                    + " cannot be started: " + e.getMessage() + "; check that the host's java binary ("
                    + command.get(0) + ") can be run", e);
        }
        ChildProcess child = new ChildProcess(process, extensionId, label, heapMegabytes);
        child.follow(name);
        try {
            child.pipe.send(start);
            Map<String, Object> answer = child.waiting.get(STARTUP).take();
            if (Pipe.READY.equals(answer.get("type"))) {
                return child;
            }
            child.kill("it refused the extension");
            if (Pipe.REFUSED.equals(answer.get("type"))) {
                throw new DeploymentFailure(String.valueOf(answer.get("code")), String.valueOf(answer.get("detail")),
                        null);
            }
            throw new DeploymentFailure(Reasons.CONSTRUCTOR_FAILED, "the child JVM of strict extension " + label
                    + " ended before the entry instance was created: " + child.death.toJson().get("detail")
                    + "; see the host's log for what it printed", null);
        } catch (UncheckedIOException e) {
            child.kill("the pipe failed");
            throw new DeploymentFailure(Reasons.START_FAILED, "the child JVM of strict extension " + label
                    + " closed its pipe at start; see the host's log for what it printed", e);
        } catch (InterruptedException e) {
            child.kill("its start was interrupted");
            throw e;
        } finally {
            child.waiting.remove(STARTUP);
        }
    }

    private void follow(String name) {
        Thread reader = new Thread(this::read, "palisade-strict-" + name + "-pipe");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> logErrors(name), "palisade-strict-" + name + "-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    private void read() {
        try {
            for (Map<String, Object> message = next(); message != null; message = next()) {
                dispatch(message);
            }
        } catch (IOException | RuntimeException e) {
            kill("it broke the pipe protocol: " + e.getMessage());
        }
        died();
    }

    private Map<String, Object> next() throws IOException {
        while (true) {
            try {
                return pipe.receive();
            } catch (Pipe.NotAMessage e) {
                LOG.log(System.Logger.Level.INFO, "[" + label + "] " + LogText.escape(e.getMessage(), ChildErrorLog.MAX_LINE));
            }
        }
    }

    private void dispatch(Map<String, Object> message) {
        String type = (String) message.get("type");
        if (Pipe.VIOLATION.equals(type)) {
            DecisionPoint.deny(extensionId, String.valueOf(message.get("permission")),
                    String.valueOf(message.get("target")));
            return;
        }
        Object call = message.get("call");
        long id = call instanceof Number number ? number.longValue() : STARTUP;
        BlockingQueue<Map<String, Object>> queue = waiting.get(id);
        if (queue != null) {
            queue.add(message);
        } else if (Pipe.CAPABILITY.equals(type)) {
            reply(message, null, ExtensionFailure.describe(new IllegalStateException(
                    "the invocation that asked has ended")));
        }
    }

    private void logErrors(String name) {
        try (InputStreamReader errors = new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)) {
            // what the child writes is the extension's text: escaped like its log lines, one line each
            ChildErrorLog.copy(errors, line -> LOG.log(System.Logger.Level.INFO, "[" + name + "] "
                    + LogText.escape(line, ChildErrorLog.MAX_LINE)));
        } catch (IOException e) {
            // the child is gone; read() reports its end
        }
    }

    /** Marks the child dead with what ended it and answers every waiting call. */
    private void died() {
        int status;
        try {
            status = process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        if (status == -1) {
            process.destroyForcibly();
        }
        String killed = killedBecause;
        if (killed != null) {
            death = ExtensionFailure.of("its child JVM", false, "the child JVM was stopped: " + killed);
        } else if (status == OUT_OF_MEMORY_STATUS) {
            death = ExtensionFailure.of(OutOfMemoryError.class.getName(), true, "the child JVM of " + label
                    + " ran out of its " + heapMegabytes + " MB heap (-Xmx) and exited");
        } else {
            death = ExtensionFailure.of("a crash of its child JVM (exit status " + status + ")", true,
                    "the child JVM of " + label + " exited with status " + status);
        }
        LOG.log(System.Logger.Level.WARNING, "the child JVM of strict extension " + label + " ended: "
                + death.toJson().get("detail"));
        Map<String, Object> ended = Pipe.message(DIED);
        waiting.values().forEach(queue -> queue.add(ended));
    }

    /**
     * Makes one call and serves the capability requests it sends meanwhile, on the calling thread.
     *
     * @return the call's output, copied into JSON values by the child
     * @throws ExtensionFailure     what the extension threw, or what ended the child
     * @throws InterruptedException when the calling thread was interrupted (its time limit passed); the caller
     *                              decides whether to kill the child
     */
    Object call(String method, Map<String, Object> input, String invocationId, Capabilities capabilities)
            throws InterruptedException {
        long id = calls.incrementAndGet();
        BlockingQueue<Map<String, Object>> queue = new LinkedBlockingQueue<>();
        waiting.put(id, queue);
        callers.put(id, Thread.currentThread());
        try {
            if (death != null) {
                throw death;
            }
            Map<String, Object> request = Pipe.message(Pipe.CALL);
            request.put("call", id);
            request.put("method", method);
            request.put("input", input);
            request.put("invocation", invocationId);
            pipe.send(request);
            while (true) {
                Map<String, Object> message = queue.take();
                switch ((String) message.get("type")) {
                    case Pipe.CAPABILITY:
                        serve(message, capabilities);
                        break;
                    case Pipe.RESULT:
                        return message.get("output");
                    case Pipe.ERROR:
                        throw ExtensionFailure.fromJson(castMap(message.get("failure")));
                    default:
                        throw death;
                }
            }
        } catch (UncheckedIOException e) {
            kill("its pipe failed");
            throw ExtensionFailure.of("its child JVM", false, "the pipe to the child JVM of " + label + " failed: "
                    + e.getMessage());
        } finally {
            waiting.remove(id);
            callers.remove(id);
        }
    }

    /** @return whether {@code thread} is making a call to this child right now */
    boolean serving(Thread thread) {
        return callers.containsValue(thread);
    }

    private void serve(Map<String, Object> request, Capabilities capabilities) {
        try {
            reply(request, CapabilityOps.perform(capabilities, String.valueOf(request.get("op")),
                    (List<?>) request.get("args")), null);
        } catch (RuntimeException e) {
            reply(request, null, ExtensionFailure.describe(e));
        }
    }

    private void reply(Map<String, Object> request, Object value, ExtensionFailure failure) {
        Map<String, Object> reply = Pipe.message(Pipe.REPLY);
        reply.put("call", request.get("call"));
        reply.put("id", request.get("id"));
        if (failure == null) {
            reply.put("value", value);
        } else {
            reply.put("failure", failure.toJson());
        }
        pipe.send(reply);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** @return whether the child still runs and answers */
    boolean alive() {
        return death == null && killedBecause == null && process.isAlive();
    }

    /**
     * Kills the child at once (it holds no state the host needs); calls in flight are answered with
     * {@code why}. Idempotent; never blocks.
     */
    void kill(String why) {
        if (killedBecause == null) {
            killedBecause = why;
        }
        pipe.close();
        process.destroyForcibly();
    }
}
