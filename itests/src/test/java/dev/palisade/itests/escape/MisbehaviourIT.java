package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.itests.escape.hostile.AllocationBomb;
import dev.palisade.itests.escape.hostile.Deadlock;
import dev.palisade.itests.escape.hostile.InfiniteLoop;
import dev.palisade.itests.escape.hostile.PlainAttack;
import dev.palisade.itests.escape.hostile.SlowConstructor;
import dev.palisade.itests.escape.hostile.ThreadStarter;
import dev.palisade.itests.escape.hostile.TrojanException;
import dev.palisade.itests.escape.hostile.TrojanOutput;

/**
 * Extensions that misbehave without touching anything they were not granted: one loops forever,
 * one allocates without bound, two calls of one deadlock, one keeps trying to start threads. Each
 * time the host keeps answering other calls while the culprit runs, the culprit's calls time out
 * (or are denied), and it is quarantined: its next call is turned away with 409. The allocation
 * bomb's calls fail with OutOfMemoryError and the host keeps serving, but it is not quarantined
 * (disabled, with what the host lacks). Three ways to run extension code on host threads outside
 * the time limit are cut off too: a slow constructor, an output map whose entrySet() is slow, an
 * exception whose getMessage() is slow. The looping test runs last, because its abandoned threads keep spinning
 * until the host stops. The host runs with a 384 MB heap so the bomb exhausts it quickly.
 */
@TestMethodOrder(OrderAnnotation.class)
class MisbehaviourIT {

    private static final long TIMEOUT_MS = 1000;
    private static final int QUARANTINE_AFTER = 3;

    @TempDir
    static Path root;
    static EscapeHost escape;
    static ExecutorService callers;

    @BeforeAll
    static void start() throws Exception {
        escape = EscapeHost.start(root, List.of("palisade.quarantine.timeouts=" + QUARANTINE_AFTER,
                "palisade.quarantine.violations=" + QUARANTINE_AFTER), "-Xmx384m");
        callers = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws Exception {
        if (callers != null) {
            callers.shutdownNow();
        }
        if (escape != null) {
            escape.close();
        }
    }

    @Test
    @Order(1)
    void anExtensionThatKeepsStartingThreadsStartsNoneAndIsQuarantined() throws Exception {
        // each of its 20 denials is audited in the store before the next attempt: give it time to finish
        HostileJar jar = HostileJar.of("misbehaving-thread-starter", ThreadStarter.class).timeoutMs(20_000);
        escape.deploy(jar);

        Response answer = escape.attack(jar.name(), escape.input());

        assertEquals(200, answer.status(), answer.body());
        assertEquals("0", answer.json().at("/output/result").asText(), "no thread was started");
        assertTrue(escape.violations(jar.id()) >= QUARANTINE_AFTER, "every denial was counted");
        escape.assertQuarantined(jar);
        escape.assertNothingHappened("thread starter");
    }

    @Test
    @Order(2)
    void twoDeadlockedCallsTimeOutTheHostServesAndTheExtensionIsQuarantined() throws Exception {
        HostileJar jar = HostileJar.of("misbehaving-deadlock", Deadlock.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);

        CompletableFuture<Response> ab = async(jar, Map.of("order", "ab"));
        CompletableFuture<Response> ba = async(jar, Map.of("order", "ba"));
        assertHostServesMeanwhile(ab, ba);
        EscapeHost.assertTimedOut(ab.get(30, TimeUnit.SECONDS));
        EscapeHost.assertTimedOut(ba.get(30, TimeUnit.SECONDS));
        EscapeHost.assertTimedOut(escape.attack(jar.name(), Map.of("order", "ab")));

        escape.assertQuarantined(jar);
        escape.assertNothingHappened("deadlock");
    }

    @Test
    @Order(3)
    void anAllocationBombFailsItsCallAndTheHostKeepsServing() throws Exception {
        HostileJar jar = HostileJar.of("misbehaving-allocation-bomb", AllocationBomb.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);

        for (int i = 0; i < QUARANTINE_AFTER; i++) {
            CompletableFuture<Response> bomb = async(jar, Map.of());
            escape.assertAnswersPromptly("while the culprit runs");
            Response answer = bomb.get(30, TimeUnit.SECONDS);
            assertNotEquals(200, answer.status(), answer.body());
        }
        escape.assertNothingHappened("allocation bomb");
    }

    @Test
    @Order(4)
    void anAllocationBombIsQuarantined() throws Exception {
        HostileJar jar = HostileJar.of("misbehaving-allocation-bomb-2", AllocationBomb.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);

        for (int i = 0; i < QUARANTINE_AFTER; i++) {
            Response answer = escape.attack(jar.name(), Map.of());
            assertNotEquals(200, answer.status(), answer.body());
        }

        escape.assertQuarantined(jar);
        escape.assertNothingHappened("allocation bomb");
    }

    @Test
    @Order(5)
    void aConstructorThatSpinsIsCutOffAndDoesNotHoldUpOtherDeployments() throws Exception {
        HostileJar slow = HostileJar.of("misbehaving-slow-constructor", SlowConstructor.class).timeoutMs(TIMEOUT_MS);
        long start = System.nanoTime();
        CompletableFuture<JsonNode> deploying = CompletableFuture.supplyAsync(() -> upload(slow), callers);
        Thread.sleep(300);

        HostileJar meanwhile = HostileJar.of("well-behaved-meanwhile", PlainAttack.class);
        long otherStart = System.nanoTime();
        JsonNode other = escape.upload(meanwhile);
        Duration otherTook = Duration.ofNanos(System.nanoTime() - otherStart);
        JsonNode record = deploying.get(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("DEPLOYED", other.path("outcome").asText(), other::toString);
        assertEquals("FAILED", record.path("outcome").asText(), record::toString);
        assertTrue(took.toMillis() < SlowConstructor.SPIN_MS / 2, "the constructor was cut off, not waited for: " + took);
        assertTrue(otherTook.toMillis() < SlowConstructor.SPIN_MS / 2, "another deployment waited " + otherTook);
        escape.assertNothingHappened("slow constructor");
    }

    @Test
    @Order(6)
    void anOutputThatRunsCodeWhenReadIsBoundByTheTimeLimit() throws Exception {
        HostileJar jar = HostileJar.of("misbehaving-trojan-output", TrojanOutput.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);

        long start = System.nanoTime();
        Response answer = escape.attack(jar.name(), Map.of());
        long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertTrue(answer.status() == 502 || answer.status() == 504, answer.body());
        assertTrue(tookMs < TIMEOUT_MS + 1500, "reading the output ran extension code past the " + TIMEOUT_MS
                + " ms limit: the answer took " + tookMs + " ms");
        escape.assertNothingHappened("trojan output");
    }

    @Test
    @Order(7)
    void anExceptionThatRunsCodeWhenDescribedIsBoundByTheTimeLimit() throws Exception {
        HostileJar jar = HostileJar.of("misbehaving-trojan-exception", TrojanException.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);

        long start = System.nanoTime();
        Response answer = escape.attack(jar.name(), Map.of());
        long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertTrue(answer.status() == 502 || answer.status() == 504, answer.body());
        assertTrue(tookMs < TIMEOUT_MS + 1500, "describing the exception ran extension code past the "
                + TIMEOUT_MS + " ms limit: the answer took " + tookMs + " ms");
        escape.assertNothingHappened("trojan exception");
    }

    private static JsonNode upload(HostileJar jar) {
        try {
            return escape.upload(jar);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(8)
    void anInfiniteLoopTimesOutTheHostServesAndTheExtensionIsQuarantined() throws Exception {
        HostileJar jar = HostileJar.of("misbehaving-infinite-loop", InfiniteLoop.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);

        for (int i = 0; i < QUARANTINE_AFTER; i++) {
            CompletableFuture<Response> loop = async(jar, Map.of());
            assertHostServesMeanwhile(loop);
            EscapeHost.assertTimedOut(loop.get(30, TimeUnit.SECONDS));
        }

        escape.assertQuarantined(jar);
        escape.assertNothingHappened("infinite loop");
    }

    private CompletableFuture<Response> async(HostileJar jar, Map<String, Object> input) {
        return CompletableFuture.supplyAsync(() -> escape.attack(jar.name(), input), callers);
    }

    /** While the culprit's calls are in flight, health, the sample and the witness answer promptly. */
    private static void assertHostServesMeanwhile(CompletableFuture<?>... culprits) throws Exception {
        Thread.sleep(200);
        assertTrue(List.of(culprits).stream().noneMatch(CompletableFuture::isDone), "the culprit is still running");
        escape.assertAnswersPromptly("while the culprit runs");
    }
}
