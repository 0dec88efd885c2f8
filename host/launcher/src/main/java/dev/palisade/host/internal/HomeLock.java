package dev.palisade.host.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * An exclusive lock on a home folder ({@code data/palisade.lock}), held from before the framework
 * starts until it has stopped: two hosts on one home would wipe each other's framework cache and
 * race on deploy/. Works across processes (an OS file lock) and within one JVM.
 */
final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param layout the home
     * @return the held lock
     * @throws PalisadeStartException (HOME_IN_USE) when another host holds it
     */
    static HomeLock acquire(HomeLayout layout) {
        Path file = layout.data().resolve("palisade.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new HomeLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by another host in this JVM: reported below
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PalisadeStartException(StartFailure.HOME_IN_USE, "cannot lock " + file + ": " + e.getMessage()
                    + "; check the permissions of the home's data/ folder", e);
        }
        closeQuietly(channel);
        throw new PalisadeStartException(StartFailure.HOME_IN_USE, "home folder " + layout.home()
                + " is in use by another Palisade host (" + file + " is locked); stop that host or use another home");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel close below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
