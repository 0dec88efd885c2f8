package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.itests.escape.hostile.AllocationBomb;
import dev.palisade.itests.escape.hostile.InfiniteLoop;
import dev.palisade.itests.escape.hostile.ReadWithFiles;

/**
 * Plugins whose descriptor says {@code sandbox_level: "strict"} in the assembled distribution: each runs in a
 * child JVM whose class path comes from the distribution's {@code system/} bundles. An allocation bomb ends only
 * its child (its own {@code -Xmx}), answers 502 while the host keeps serving, and is quarantined after repeated
 * failures; a loop is killed at its time limit (504) and quarantined; a granted file read works in the child and an
 * ungranted one is denied with the very message an in-process plugin gets, counted and audited by the host.
 */
class StrictIsolationIT extends SharedEscapeHost {

    private static final long TIMEOUT_MS = 3000;
    /** The host's default quarantine threshold (palisade.quarantine.timeouts). */
    private static final int QUARANTINE_AFTER = 3;

    @Test
    void anAllocationBombEndsOnlyItsChildAndIsQuarantinedWhileTheHostServes() throws Exception {
        HostileJar jar = HostileJar.of("strict-allocation-bomb", AllocationBomb.class).timeoutMs(TIMEOUT_MS)
                .strict("32m");
        escape.deploy(jar);

        for (int i = 0; i < QUARANTINE_AFTER; i++) {
            CompletableFuture<Response> bomb = attack(jar);
            escape.assertAnswersPromptly("while a strict allocation bomb runs");
            Response answer = bomb.get(30, TimeUnit.SECONDS);
            assertEquals(502, answer.status(), answer.body());
            assertEquals("extension strict-allocation-bomb 1.0.0 method 'attack' failed with"
                    + " java.lang.OutOfMemoryError (it exhausted a resource of the JVM); this is a defect of the"
                    + " extension: report it to its publisher", answer.json().path("detail").asText(), answer.body());
        }

        String log = escape.host().log();
        assertTrue(log.contains("the child JVM of strict extension strict-allocation-bomb 1.0.0 ended: the child JVM"
                + " of strict-allocation-bomb 1.0.0 ran out of its 32 MB heap (-Xmx) and exited"), log);
        escape.assertQuarantined(jar);
        escape.assertNothingHappened("strict allocation bomb");
    }

    @Test
    void aLoopIsKilledAtItsTimeLimitAndQuarantined() throws Exception {
        HostileJar jar = HostileJar.of("strict-infinite-loop", InfiniteLoop.class).timeoutMs(TIMEOUT_MS)
                .strict("32m");
        escape.deploy(jar);

        for (int i = 0; i < QUARANTINE_AFTER; i++) {
            long start = System.nanoTime();
            CompletableFuture<Response> loop = attack(jar);
            Thread.sleep(200);
            assertTrue(!loop.isDone(), "the loop is still running");
            escape.assertAnswersPromptly("while a strict loop runs");
            EscapeHost.assertTimedOut(loop.get(30, TimeUnit.SECONDS));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.toMillis() < TIMEOUT_MS + 2000, "answered at its time limit, not after " + took);
        }

        escape.assertQuarantined(jar);
        assertEquals(0, escape.extension(jar.id()).at("/runtime/stuckThreads").asInt(-1),
                "killing the child ended each looping call's thread");
        escape.assertNothingHappened("strict loop");
    }

    @Test
    void aGrantedFileReadWorksInTheChild() throws Exception {
        HostileJar jar = HostileJar.of("strict-granted-read", ReadWithFiles.class).permission("file.read", "granted.txt")
                .strict("32m");
        escape.deploy(jar);
        Path granted = Files.writeString(Files.createDirectories(escape.dataFolder(jar.id())).resolve("granted.txt"),
                "read in the child");

        Response answer = escape.attack(jar.name(), Map.of("path", granted.toString()));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("read in the child", answer.json().at("/output/result").asText());
        assertEquals(0, escape.violations(jar.id()));
        assertTrue(escape.host().process().descendants().anyMatch(StrictIsolationIT::isChildJvm),
                "the plugin runs in a child JVM of the host");
    }

    @Test
    void anUngrantedReadIsDeniedWithTheInProcessMessageCountedAndAudited() throws Exception {
        HostileJar strict = HostileJar.of("strict-ungranted-read", ReadWithFiles.class).strict("32m");
        HostileJar basic = HostileJar.of("basic-ungranted-read", ReadWithFiles.class);
        escape.deploy(strict);
        escape.deploy(basic);
        String canary = escape.canary().toRealPath().toString();
        long audited = escape.auditEntries();

        Response inChild = escape.attack(strict.name(), Map.of("path", canary));
        Response inHost = escape.attack(basic.name(), Map.of("path", canary));

        escape.assertDenied(inChild, strict, "file.read", canary);
        escape.assertDenied(inHost, basic, "file.read", canary);
        assertEquals(denial(strict, canary), inChild.json().path("detail").asText(), inChild.body());
        assertEquals(denial(basic, canary), inHost.json().path("detail").asText(), inHost.body());
        assertEquals(1, escape.violations(strict.id()), "the child's denial was counted by the host");
        escape.assertAuditedSince(audited);
        escape.assertNothingHappened("strict ungranted read");
    }

    private static CompletableFuture<Response> attack(HostileJar jar) {
        return CompletableFuture.supplyAsync(() -> escape.attack(jar.name(), Map.of()));
    }

    private static boolean isChildJvm(ProcessHandle process) {
        return process.info().arguments().map(List::of).orElse(List.of())
                .contains("dev.palisade.core.extension.isolate.ChildMain");
    }

    private static String denial(HostileJar jar, String target) {
        return "extension " + jar.name() + " 1.0.0 method 'attack' was denied: extension [" + jar.id()
                + "], permission [file.read], target [" + target + "]; if it needs this, its descriptor must request"
                + " it (security.permissions) and an operator must grant it";
    }
}
