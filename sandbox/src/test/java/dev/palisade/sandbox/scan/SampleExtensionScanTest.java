package dev.palisade.sandbox.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.api.extension.Plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extension (extension-samples/text-tools) must pass the scan: compiled here from its
 * sources with --release 17, packed, scanned.
 */
class SampleExtensionScanTest {

    private static final Path SAMPLE_SOURCES = Path.of("../extension-samples/text-tools/src/main/java");

    @Test
    void textToolsSampleHasNoSensitiveSite(@TempDir Path dir) throws IOException, URISyntaxException {
        assertTrue(Files.isDirectory(SAMPLE_SOURCES), "sample sources missing at " + SAMPLE_SOURCES.toAbsolutePath());
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-g", "-d", dir.resolve("classes").toString(),
                "-cp", Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
        try (Stream<Path> files = Files.walk(SAMPLE_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)), "sample compiles");

        Path jar = dir.resolve("text-tools.jar");
        Path classes = dir.resolve("classes");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            ScanReport report = new BytecodeScanner().scan(file);
            assertTrue(report.classes() >= 4, "scanned " + report.classes());
            assertEquals(List.of(), report.rows());
            report.requireNoForbiddenCalls();
        }
    }
}
