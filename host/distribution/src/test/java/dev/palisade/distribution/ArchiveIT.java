package dev.palisade.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .tar.gz unpacks, with the system tar, to the assembled folder, and its script runs. */
class ArchiveIT {

    @TempDir
    Path temp;

    @Test
    void unpacksToTheAssembledFolderWithAnExecutableScript() throws Exception {
        Path archive = Path.of(System.getProperty("palisade.dist.archive"));
        assertTrue(Files.isRegularFile(archive), archive + " was not built");
        run(temp, "tar", "-xzf", archive.toString());
        Path unpacked = temp.resolve(DistributionHome.assembled().getFileName());

        assertEquals(files(DistributionHome.assembled()), files(unpacked));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(unpacked.resolve("bin/palisade"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(unpacked.resolve("etc/palisade.properties"))));

        Set<String> files = files(unpacked);
        for (String expected : List.of("bin/palisade", "etc/palisade.properties", "etc/trust/sample-ca.pem", "data/.keep",
                "lib/palisade-host-launcher-0.1.0-SNAPSHOT.jar", "lib/palisade-host-bridge-0.1.0-SNAPSHOT.jar",
                "lib/org.apache.felix.framework-7.0.5.jar", "deploy/palisade-sample-text-tools-0.1.0-SNAPSHOT.jar",
                "system/dev/palisade/palisade-features/0.1.0-SNAPSHOT/palisade-features-0.1.0-SNAPSHOT-features.xml",
                "system/org/apache/felix/org.apache.felix.http.jetty12/1.1.8/org.apache.felix.http.jetty12-1.1.8.jar",
                "system/dev/palisade/palisade-core-store/0.1.0-SNAPSHOT/palisade-core-store-0.1.0-SNAPSHOT.jar")) {
            assertTrue(files.contains(expected), expected + " missing from " + files);
        }
        assertEquals(3, files.stream().filter(f -> f.startsWith("lib/")).count(), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.endsWith("_remote.repositories") || f.contains("maven-metadata")), files.toString());
        assertTrue(files.stream().filter(f -> f.startsWith("system/")).allMatch(f -> f.endsWith(".jar") || f.endsWith("-features.xml")),
                files.toString());

        String help = run(unpacked, unpacked.resolve("bin/palisade").toString(), "--help");
        assertTrue(help.contains("usage: palisade (run [--port N] | backup FILE | restore FILE [--force] | audit verify)"
                + " [--home DIR] [--db-url URL] [--db-user USER] | palisade --help"), help);
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
