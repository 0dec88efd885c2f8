package dev.palisade.core.extension.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Watches one folder for extension jars. {@link #start()} scans the folder and hands on every jar in it
 * before it returns, then keeps watching on its own daemon thread until {@link #close()}. The listener is
 * called from that one thread (or from the caller of {@link #start()} during the initial scan), one file
 * at a time; an exception from it is logged and the watcher goes on.
 */
public final class DeployFolderWatcher implements AutoCloseable {

    /** Receives settled jars. */
    public interface Listener {
        /** A new or changed jar has settled: deploy it. */
        void changed(Path jar);

        /** A jar that had been handed on was deleted. */
        void removed(Path jar);
    }

    private static final System.Logger LOG = System.getLogger(DeployFolderWatcher.class.getName());

    private final Path dir;
    private final long settleNanos;
    private final Listener listener;
    private final SettleTracker tracker;
    private WatchService watchService;
    private Thread thread;
    private volatile boolean running;
    private volatile boolean closed;

    /**
     * @param dir      the folder to watch; created when missing
     * @param settle   how long a file must stay unchanged before it is handed on
     * @param listener receives settled jars
     */
    public DeployFolderWatcher(Path dir, Duration settle, Listener listener) {
        this.dir = dir.toAbsolutePath().normalize();
        this.settleNanos = settle.toNanos();
        this.listener = listener;
        this.tracker = SettleTracker.forJars(settleNanos);
    }

    /** @return whether a file name is one the watcher handles: {@code *.jar}, not hidden */
    public static boolean isCandidate(String fileName) {
        return !fileName.startsWith(".") && fileName.toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /**
     * Creates the folder if needed, starts watching it, hands on every jar already there (waiting for each
     * to settle) and starts the watch thread.
     *
     * @throws UncheckedIOException when the folder cannot be created or watched
     */
    public synchronized void start() {
        if (running || closed) {
            return;
        }
        try {
            Files.createDirectories(dir);
            watchService = dir.getFileSystem().newWatchService();
            dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the deploy folder " + dir + ": " + e.getMessage(), e);
        }
        running = true;
        scanAll();
        while (tracker.hasPending() && running && sleep(pollMillis())) {
            handOn();
        }
        if (!running) {
            return;
        }
        thread = new Thread(this::watchLoop, "palisade-deploy-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops watching and waits for the watch thread to end. */
    @Override
    public void close() {
        closed = true;
        running = false;
        synchronized (this) {
            closeResources();
        }
    }

    private void closeResources() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the watch service of " + dir + " failed: " + e);
            }
        }
        // No interrupt: a deployment in progress finishes; the loop then sees running == false.
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchLoop() {
        while (running) {
            try {
                WatchKey key = watchService.poll(pollMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == OVERFLOW) {
                            scanAll();
                        } else if (event.context() instanceof Path name && isCandidate(name.toString())) {
                            tracker.touched(dir.resolve(name), System.nanoTime());
                        }
                    }
                    if (!key.reset()) {
                        LOG.log(System.Logger.Level.WARNING, "the deploy folder " + dir
                                + " can no longer be watched (deleted?); restart the host after recreating it");
                        running = false;
                    }
                }
                handOn();
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "watching " + dir + " failed; watching goes on", e);
            }
        }
    }

    /** Marks every jar in the folder, and every jar handed on before, as possibly changed. */
    private void scanAll() {
        long now = System.nanoTime();
        for (Path known : tracker.known()) {
            tracker.touched(known, now);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (isCandidate(file.getFileName().toString())) {
                    tracker.touched(file, now);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list the deploy folder " + dir + ": " + e);
        }
    }

    private void handOn() {
        for (SettleTracker.Change change : tracker.settle(System.nanoTime())) {
            if (!running) {
                return;
            }
            try {
                if (change.kind() == SettleTracker.Kind.CHANGED) {
                    listener.changed(change.file());
                } else {
                    listener.removed(change.file());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "handling " + change.kind() + " of " + change.file()
                        + " failed; watching goes on", e);
            }
        }
    }

    private long pollMillis() {
        return Math.max(10, Math.min(50, TimeUnit.NANOSECONDS.toMillis(settleNanos) / 2));
    }

    /** @return false when interrupted (the flag is set again) */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
