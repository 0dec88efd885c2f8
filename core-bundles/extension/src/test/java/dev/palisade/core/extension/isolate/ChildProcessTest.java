package dev.palisade.core.extension.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.extension.deploy.DeploymentFailure;
import dev.palisade.core.extension.deploy.Reasons;
import dev.palisade.core.extension.invoke.ExtensionFailure;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.web.Json;

/**
 * A child on its own, seen from the host: a real child JVM that refuses to create an extension, and children that
 * break the protocol or die before or during a call (scripted with {@code sh}, since a real extension's output
 * never reaches the pipe). Whatever ends a child, the waiting call is answered at once and the child is dead.
 */
class ChildProcessTest {

    private static final String ID = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String READY = "echo '{\"type\":\"ready\"}'";

    @TempDir
    Path tmp;

    /** A child running {@code script} in sh; the start message is its first line of input. */
    private static ChildProcess scripted(String script) throws InterruptedException {
        return ChildProcess.start(List.of("sh", "-c", script), Pipe.message(Pipe.START), ID, "tool", "tool 1.0.0", 32);
    }

    private static Map<String, Object> failureOf(ChildProcess child) {
        ExtensionFailure failure = assertThrows(ExtensionFailure.class, () -> child.call("attack", Map.of(), "inv-1",
                null));
        return failure.toJson();
    }

    @Test
    void aRealChildThatCannotLoadTheEntryClassRefusesWithTheDeploymentReason() throws Exception {
        Path jar = TestJar.plugin("dev.palisade.test.empty", "1.0.0").descriptor("{}").writeTo(tmp.resolve("empty.jar"));
        JsonNode descriptor = Json.mapper().readTree("{\"security\": {\"sandbox_level\": \"strict\"},"
                + " \"implementation\": {\"configuration\": {\"memory_limit\": \"32m\"}}}");

        DeploymentFailure refused = assertThrows(DeploymentFailure.class, () -> new StrictIsolation(2).creation(ID,
                "tool", "1.0.0", "dev.palisade.test.Missing", Isolation.of(descriptor, true),
                Grants.of(tmp.resolve("files"), List.of()), jar).call());

        assertEquals(Reasons.ENTRY_CLASS_MISSING, refused.code());
        assertTrue(refused.getMessage().startsWith("entry class dev.palisade.test.Missing of tool 1.0.0 cannot be"
                + " loaded in its strict child JVM: java.lang.ClassNotFoundException"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; package every class it needs inside the jar"), refused.getMessage());
    }

    @Test
    void aBinaryThatCannotRunIsAStartFailure() {
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> ChildProcess.start(
                List.of(tmp.resolve("no-java").toString()), Pipe.message(Pipe.START), ID, "tool", "tool 1.0.0", 32));

        assertEquals(Reasons.START_FAILED, failure.code());
        assertTrue(failure.getMessage().endsWith("; check that the host's java binary (" + tmp.resolve("no-java")
                + ") can be run"), failure.getMessage());
    }

    @Test
    void aChildThatDiesBeforeItIsReadyFailsTheStart() {
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> scripted("read start; exit 1"));

        assertEquals(Reasons.CONSTRUCTOR_FAILED, failure.code());
        assertEquals("the child JVM of strict extension tool 1.0.0 ended before the entry instance was created: the"
                + " child JVM of tool 1.0.0 exited with status 1; see the host's log for what it printed",
                failure.getMessage());
    }

    @Test
    void aProtocolBreakMidCallKillsTheChildAndAnswersTheCall() throws Exception {
        ChildProcess child = scripted("read start; echo 'Terminating due to a stray line'; " + READY
                + "; read call; echo '{\"type\": \"result\", \"call'; exec sleep 30");
        try {
            Map<String, Object> failure = failureOf(child);

            assertEquals("FAILED", failure.get("kind"));
            assertEquals("its child JVM", failure.get("class"));
            assertTrue(String.valueOf(failure.get("detail")).startsWith("the child JVM was stopped: it broke the pipe"
                    + " protocol: a line on the pipe is not a JSON object: "), failure.toString());
            assertFalse(child.alive());
        } finally {
            child.kill("the test ended");
        }
    }

    @Test
    void aChildThatRunsOutOfMemoryMidCallAnswersItAsAnExhaustedResource() throws Exception {
        ChildProcess child = scripted("read start; " + READY + "; read call; exit " + ChildProcess.OUT_OF_MEMORY_STATUS);

        Map<String, Object> failure = failureOf(child);

        assertEquals("VM_ERROR", failure.get("kind"));
        assertEquals(OutOfMemoryError.class.getName(), failure.get("class"));
        assertEquals("the child JVM of tool 1.0.0 ran out of its 32 MB heap (-Xmx) and exited", failure.get("detail"));
        assertFalse(child.alive());
        assertEquals(failure, failureOf(child), "a dead child answers the next call at once, the same way");
    }

    @Test
    void aChildThatCrashesMidCallCountsAsExhausted() throws Exception {
        ChildProcess child = scripted("read start; " + READY + "; read call; exit 7");

        Map<String, Object> failure = failureOf(child);

        assertEquals("VM_ERROR", failure.get("kind"));
        assertEquals("a crash of its child JVM (exit status 7)", failure.get("class"));
        assertEquals("the child JVM of tool 1.0.0 exited with status 7", failure.get("detail"));
    }

    @Test
    void anInterruptedCallLeavesTheDecisionToTheCallerAndAKillAnswersAtOnce() throws Exception {
        ChildProcess child = scripted("read start; " + READY + "; exec sleep 30");
        try {
            CompletableFuture<Thread> caller = new CompletableFuture<>();
            CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
                caller.complete(Thread.currentThread());
                try {
                    return child.call("attack", Map.of(), "inv-1", null);
                } catch (InterruptedException e) {
                    return e;
                }
            });
            Thread.sleep(200);
            caller.get(5, TimeUnit.SECONDS).interrupt();
            assertTrue(call.get(5, TimeUnit.SECONDS) instanceof InterruptedException, "the call was interrupted");
            assertTrue(child.alive(), "an interrupt alone does not end the child");

            CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> failureOf(child));
            Thread.sleep(200);
            long killed = System.nanoTime();
            child.kill("a call ran past its time limit");
            Object failure = waiting.get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(3), "answered at once");
            assertEquals("the child JVM was stopped: a call ran past its time limit",
                    ((Map<?, ?>) failure).get("detail"));
            assertFalse(child.alive());
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            child.kill("the test ended");
        }
    }
}
