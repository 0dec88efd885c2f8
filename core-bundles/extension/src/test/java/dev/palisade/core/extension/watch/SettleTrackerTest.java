package dev.palisade.core.extension.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettleTrackerTest {

    private static final long SETTLE = 100_000_000L; // 100 ms in nanos; times below are given, not waited for

    @TempDir
    Path dir;

    private final SettleTracker tracker = SettleTracker.forJars(SETTLE);

    private static SettleTracker.Change changed(Path file) {
        return new SettleTracker.Change(file, SettleTracker.Kind.CHANGED);
    }

    @Test
    void aFileIsHandedOnOnlyAfterStayingQuietForTheSettleTime() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[10]);
        tracker.touched(jar, 0);
        assertEquals(List.of(), tracker.settle(50_000_000L));
        assertEquals(List.of(changed(jar)), tracker.settle(100_000_000L));
        assertFalse(tracker.hasPending());
    }

    @Test
    void aCompleteJarIsHandedOnWithoutWaitingOutTheSettleTime() throws Exception {
        Path jar = dir.resolve("a.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
            out.write(1);
        }
        tracker.touched(jar, 0);
        assertEquals(List.of(changed(jar)), tracker.settle(1));
    }

    @Test
    void aTruncatedJarWaitsForTheSettleTime() throws Exception {
        Path jar = dir.resolve("a.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
            out.write(new byte[1000]);
        }
        byte[] whole = Files.readAllBytes(jar);
        Files.write(jar, java.util.Arrays.copyOf(whole, whole.length - 10));
        tracker.touched(jar, 0);
        assertEquals(List.of(), tracker.settle(1), "no end record yet: still being written");
        assertEquals(List.of(changed(jar)), tracker.settle(SETTLE));
    }

    @Test
    void aGrowingFileWaitsAgain() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[10]);
        tracker.touched(jar, 0);
        Files.write(jar, new byte[20]); // still being written
        assertEquals(List.of(), tracker.settle(90_000_000L));
        assertEquals(List.of(), tracker.settle(150_000_000L), "changed at 90 ms: quiet only since then");
        assertEquals(List.of(changed(jar)), tracker.settle(190_000_000L));
    }

    @Test
    void aChangedModificationTimeAloneCountsAsAChange() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[10]);
        tracker.touched(jar, 0);
        assertEquals(List.of(changed(jar)), tracker.settle(SETTLE));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        tracker.touched(jar, 2 * SETTLE);
        assertEquals(List.of(changed(jar)), tracker.settle(3 * SETTLE));
    }

    @Test
    void anUnchangedFileIsNotHandedOnTwice() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[10]);
        tracker.touched(jar, 0);
        assertEquals(List.of(changed(jar)), tracker.settle(SETTLE));
        tracker.touched(jar, 2 * SETTLE); // a spurious event, or a rescan
        assertEquals(List.of(), tracker.settle(4 * SETTLE));
        assertFalse(tracker.hasPending());
    }

    @Test
    void aRemovedFileIsReportedOnlyWhenItHadBeenHandedOn() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[10]);
        Path never = Files.write(dir.resolve("b.jar"), new byte[10]);
        tracker.touched(jar, 0);
        assertEquals(List.of(changed(jar)), tracker.settle(SETTLE));
        tracker.touched(never, SETTLE);
        Files.delete(never);
        Files.delete(jar);
        tracker.touched(jar, 2 * SETTLE);
        assertEquals(List.of(new SettleTracker.Change(jar, SettleTracker.Kind.REMOVED)), tracker.settle(4 * SETTLE));
        assertEquals(List.of(), tracker.known());
    }

    @Test
    void candidatesAreVisibleJarsOnly() {
        assertTrue(DeployFolderWatcher.isCandidate("text-tools-1.0.0.jar"));
        assertTrue(DeployFolderWatcher.isCandidate("UPPER.JAR"));
        assertFalse(DeployFolderWatcher.isCandidate(".hidden.jar"));
        assertFalse(DeployFolderWatcher.isCandidate("x.jar.tmp"));
        assertFalse(DeployFolderWatcher.isCandidate("x.jar.part"));
        assertFalse(DeployFolderWatcher.isCandidate("x.zip"));
    }
}
