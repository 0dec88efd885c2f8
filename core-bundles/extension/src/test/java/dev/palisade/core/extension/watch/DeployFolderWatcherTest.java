package dev.palisade.core.extension.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the watcher on a real temporary folder; waits are bounded. */
class DeployFolderWatcherTest {

    private static final Duration SETTLE = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private DeployFolderWatcher watcher;

    private DeployFolderWatcher.Listener recorder() {
        return new DeployFolderWatcher.Listener() {
            @Override
            public void changed(Path jar) {
                events.add("changed " + jar.getFileName());
            }

            @Override
            public void removed(Path jar) {
                events.add("removed " + jar.getFileName());
            }
        };
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(events.size() >= count, "expected " + count + " events, got " + events);
    }

    @Test
    void initialScanHandsOnExistingJarsBeforeStartReturns() throws Exception {
        Files.write(dir.resolve("a.jar"), new byte[] { 1 });
        Files.write(dir.resolve(".hidden.jar"), new byte[] { 1 });
        Files.write(dir.resolve("b.jar.part"), new byte[] { 1 });
        Files.write(dir.resolve("notes.txt"), new byte[] { 1 });
        watcher = new DeployFolderWatcher(dir, SETTLE, recorder());

        watcher.start();

        assertEquals(List.of("changed a.jar"), events);
    }

    @Test
    void missingFolderIsCreated() throws Exception {
        Path deploy = dir.resolve("deploy");
        watcher = new DeployFolderWatcher(deploy, SETTLE, recorder());
        watcher.start();
        assertTrue(Files.isDirectory(deploy));
    }

    @Test
    void newModifiedAndDeletedJarsAreReported() throws Exception {
        watcher = new DeployFolderWatcher(dir, SETTLE, recorder());
        watcher.start();

        Path jar = Files.write(dir.resolve("a.jar"), new byte[] { 1 });
        awaitEvents(1);
        Files.write(jar, new byte[] { 1, 2 });
        awaitEvents(2);
        Files.delete(jar);
        awaitEvents(3);
        Thread.sleep(3 * SETTLE.toMillis());

        assertEquals(List.of("changed a.jar", "changed a.jar", "removed a.jar"), events);
    }

    @Test
    void aFileWrittenSlowlyIsHandedOnOnceWhenComplete() throws Exception {
        watcher = new DeployFolderWatcher(dir, SETTLE, recorder());
        watcher.start();

        Path jar = dir.resolve("slow.jar");
        for (int i = 1; i <= 5; i++) {
            Files.write(jar, new byte[i * 100]);
            Thread.sleep(40); // shorter than the settle time
        }
        awaitEvents(1);
        Thread.sleep(3 * SETTLE.toMillis());

        assertEquals(List.of("changed slow.jar"), events);
    }

    @Test
    void aJarMovedInFromATempNameIsHandedOnAndTheTempIsIgnored() throws Exception {
        watcher = new DeployFolderWatcher(dir, SETTLE, recorder());
        watcher.start();

        Path temp = Files.write(dir.resolve("upload.jar.tmp"), new byte[] { 1, 2, 3 });
        Thread.sleep(2 * SETTLE.toMillis());
        Files.move(temp, dir.resolve("upload.jar"), StandardCopyOption.ATOMIC_MOVE);
        awaitEvents(1);
        Thread.sleep(3 * SETTLE.toMillis());

        assertEquals(List.of("changed upload.jar"), events);
    }

    @Test
    void listenerFailuresDoNotStopTheWatcher() throws Exception {
        watcher = new DeployFolderWatcher(dir, SETTLE, new DeployFolderWatcher.Listener() {
            @Override
            public void changed(Path jar) {
                events.add("changed " + jar.getFileName());
                throw new IllegalStateException("deploy exploded");
            }

            @Override
            public void removed(Path jar) {
            }
        });
        watcher.start();
        Files.write(dir.resolve("a.jar"), new byte[] { 1 });
        awaitEvents(1);
        Files.write(dir.resolve("b.jar"), new byte[] { 1 });
        awaitEvents(2);
        assertEquals(List.of("changed a.jar", "changed b.jar"), events);
    }
}
