package dev.palisade.itests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private copy of the assembled distribution (system property {@code palisade.distribution}) with
 * an empty deploy/ folder, for a benchmark's host; deleted afterwards.
 */
final class BenchHome {

    private BenchHome() {
    }

    static Path create(Path home) throws IOException {
        Path from = Path.of(System.getProperty("palisade.distribution", "(palisade.distribution not set)"));
        if (!Files.isExecutable(from.resolve("bin/palisade"))) {
            throw new IllegalStateException("no assembled distribution at " + from
                    + "; build it first (mvn -Pbench -pl itests -am verify does)");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = home.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getParent().equals(from.resolve("deploy"))) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return home;
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
