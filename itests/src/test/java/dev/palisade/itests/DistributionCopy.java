package dev.palisade.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The assembled distribution folder, and fresh copies of it to run. */
final class DistributionCopy {

    private DistributionCopy() {
    }

    /** @return the assembled folder named by the system property {@code palisade.distribution} */
    static Path assembled() {
        Path distribution = Path.of(System.getProperty("palisade.distribution"));
        if (!Files.isExecutable(distribution.resolve("bin/palisade"))) {
            throw new IllegalStateException("no assembled distribution at " + distribution
                    + "; build it with mvn package first");
        }
        return distribution;
    }

    /** Copies the assembled distribution to {@code home}, keeping file permissions. */
    static Path copyTo(Path home) throws IOException {
        Path from = assembled();
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = home.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return home;
    }
}
