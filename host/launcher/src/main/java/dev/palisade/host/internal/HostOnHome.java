package dev.palisade.host.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * Whether a host runs on a home folder, as the command line needs to know before it touches the
 * store: a host holds {@code data/palisade.lock} while it runs and names its port in
 * {@code data/palisade.port} once it is ready.
 *
 * @param state what runs there
 * @param port  the running host's HTTP port on 127.0.0.1, or 0 unless {@link State#RUNNING}
 */
public record HostOnHome(State state, int port) {

    /** What runs on a home. */
    public enum State {
        /** No host holds the home's lock. */
        NONE,
        /** A host holds the lock but has not written its port yet: it is starting. */
        STARTING,
        /** A ready host holds the lock and listens on {@link HostOnHome#port()}. */
        RUNNING
    }

    /**
     * Looks without taking anything: the lock is tried and released at once.
     *
     * @param home a home folder (it need not be valid)
     * @return what runs there
     */
    public static HostOnHome probe(Path home) {
        Path data = home.toAbsolutePath().normalize().resolve("data");
        if (!lockHeld(data.resolve("palisade.lock"))) {
            return new HostOnHome(State.NONE, 0);
        }
        OptionalInt port = PortFile.read(data);
        return port.isPresent() ? new HostOnHome(State.RUNNING, port.getAsInt()) : new HostOnHome(State.STARTING, 0);
    }

    private static boolean lockHeld(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by a host in this JVM
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false; // unreadable: the start that follows reports it with the home's path
        }
    }
}
