package dev.palisade.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The assembled distribution folder (built by this module's package phase), copied per test. */
public final class DistributionHome {

    private DistributionHome() {
    }

    /** @return the assembled folder, target/palisade-VERSION */
    public static Path assembled() {
        String dir = System.getProperty("palisade.dist.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("palisade.dist.dir [" + dir + "] is not the assembled distribution; run mvn verify");
        }
        return Path.of(dir);
    }

    /**
     * @param parent a temporary folder
     * @return a fresh copy of the distribution inside it, with file permissions kept
     */
    public static Path copyInto(Path parent) {
        Path source = assembled();
        Path target = parent.resolve(source.getFileName());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** @return a port that was free on 127.0.0.1 a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
