package dev.palisade.sandbox.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.testing.JarTampering;
import dev.palisade.sandbox.testing.RawZip;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.fixtures.EchoPlugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JarStagerTest {

    @TempDir
    Path dir;

    private Path staging() {
        return dir.resolve("staging");
    }

    private JarStager stager() {
        return new JarStager(staging(), StagingLimits.defaults());
    }

    private DeploymentRefusedException refused(JarStager stager, Path source, RefusalReason reason) throws IOException {
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> stager.stage(source));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals("[" + reason.code() + "] " + e.detail(), e.getMessage());
        assertStagingEmpty();
        return e;
    }

    private void assertStagingEmpty() throws IOException {
        try (Stream<Path> files = Files.list(staging())) {
            assertEquals(0, files.count(), "the private copy must be deleted on refusal");
        }
    }

    private Path goodJar() {
        return TestJar.plugin("com.example.echo", "1.0.0").addClass(EchoPlugin.class)
                .descriptor("{}").writeTo(dir.resolve("good.jar"));
    }

    @Test
    void stagesAGoodJarAsAPrivateCopyWithItsSha256() throws Exception {
        Path source = goodJar();
        StagedJar staged = stager().stage(source);

        byte[] bytes = Files.readAllBytes(source);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), staged.sha256());
        assertEquals(bytes.length, staged.size());
        assertEquals("good.jar", staged.originalName());
        assertEquals(staging(), staged.path().getParent());
        assertArrayEquals(bytes, Files.readAllBytes(staged.path()));

        StagedJar second = stager().stage(source);
        assertTrue(!second.path().equals(staged.path()), "each staging gets its own file");
        staged.delete();
        assertTrue(Files.notExists(staged.path()));
        staged.delete();
        assertTrue(Files.exists(source), "the source is left alone");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jar"));
        DeploymentRefusedException e = refused(stager(), empty, RefusalReason.EMPTY_FILE);
        assertEquals("[empty-file] empty.jar is empty (0 bytes); it was probably deployed before it was completely "
                + "written: copy or upload the finished jar again", e.getMessage());
    }

    @Test
    void refusesRandomBytes() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.jar"), noise);
        DeploymentRefusedException e = refused(stager(), file, RefusalReason.NOT_A_JAR);
        assertTrue(e.detail().startsWith("noise.jar is not a readable jar ("), e.detail());
        assertTrue(e.detail().endsWith("); the file may be truncated or not a jar at all: deploy the complete jar "
                + "file built by the jar tool or Maven"), e.detail());
    }

    @Test
    void refusesATextFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.jar"), "these are not the classes you are looking for\n");
        DeploymentRefusedException e = refused(stager(), file, RefusalReason.NOT_A_JAR);
        assertEquals("[not-a-jar] notes.jar is not a readable jar (zip END header not found); the file may be "
                + "truncated or not a jar at all: deploy the complete jar file built by the jar tool or Maven",
                e.getMessage());
    }

    @Test
    void refusesATruncatedJar() throws Exception {
        byte[] bytes = Files.readAllBytes(goodJar());
        Path cut = Files.write(dir.resolve("cut.jar"), java.util.Arrays.copyOf(bytes, bytes.length - 30));
        refused(stager(), cut, RefusalReason.NOT_A_JAR);
    }

    @Test
    void refusesAZipWithoutEntries() throws Exception {
        Path file = dir.resolve("hollow.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.finish();
        }
        DeploymentRefusedException e = refused(stager(), file, RefusalReason.NOT_A_JAR);
        assertEquals("hollow.jar is a zip archive without entries, not a jar; deploy the built extension jar",
                e.detail());
    }

    @Test
    void refusesAJarLargerThanTheLimit() throws Exception {
        Path source = goodJar();
        long size = Files.size(source);
        JarStager small = new JarStager(staging(), new StagingLimits(size - 1, 100, 1 << 20, 1 << 20, 100));
        DeploymentRefusedException e = refused(small, source, RefusalReason.TOO_LARGE);
        assertEquals("good.jar is larger than the limit of " + (size - 1) + " bytes for an extension jar; make the "
                + "jar smaller (leave out unneeded dependencies and resources)", e.detail());
        Files.createDirectories(staging());
        new JarStager(staging(), new StagingLimits(size, 100, 1 << 20, 1 << 20, 100)).stage(source).delete();
    }

    @Test
    void refusesTooManyEntries() throws Exception {
        TestJar jar = TestJar.plugin("com.example.many", "1.0.0");
        for (int i = 0; i < 5; i++) {
            jar.entry("data/" + i + ".txt", new byte[] {1});
        }
        Path source = jar.writeTo(dir.resolve("many.jar"));
        JarStager stager = new JarStager(staging(), new StagingLimits(1 << 20, 5, 1 << 20, 1 << 20, 100));
        DeploymentRefusedException e = refused(stager, source, RefusalReason.TOO_LARGE);
        assertEquals("many.jar has more than 5 entries, the limit for an extension jar; leave out unneeded "
                + "classes and resources", e.detail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../x|it climbs out of its folder with \"..\"",
        "../../evil.txt|it climbs out of its folder with \"..\"",
        "a/../../b|it climbs out of its folder with \"..\"",
        "lib/..|it climbs out of its folder with \"..\"",
        "/abs|it is an absolute path",
        "/etc/passwd|it is an absolute path",
        "C:\\x|it contains a backslash (zip entry names separate folders with '/')",
        "C:/x|it starts with a drive letter",
        "dir\\file.class|it contains a backslash (zip entry names separate folders with '/')",
    })
    void refusesUnsafeEntryNames(String name, String problem) throws Exception {
        Path source = JarTampering.withRawEntryName(goodJar(), name, "x".getBytes(StandardCharsets.UTF_8),
                dir.resolve("unsafe.jar"));
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.UNSAFE_ENTRY_NAME);
        assertEquals("entry \"" + name + "\" in unsafe.jar has an unsafe name: " + problem + "; entry names must "
                + "be relative paths with '/' between folders: rebuild the jar with the jar tool or Maven", e.detail());
    }

    @Test
    void refusesANulInAnEntryName() throws Exception {
        Path source = JarTampering.withRawEntryName(goodJar(), "a\0.class", new byte[] {1}, dir.resolve("nul.jar"));
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.UNSAFE_ENTRY_NAME);
        assertEquals("entry \"a\\u0000.class\" in nul.jar has an unsafe name: it contains a NUL character; entry "
                + "names must be relative paths with '/' between folders: rebuild the jar with the jar tool or Maven",
                e.detail());
    }

    @Test
    void acceptsDotsInsideNames() throws Exception {
        Path source = JarTampering.withRawEntryName(goodJar(), "a/..b/c..d/x.txt", new byte[] {1},
                dir.resolve("dots.jar"));
        stager().stage(source).delete();
    }

    @Test
    void refusesDuplicateEntries() throws Exception {
        Path source = new RawZip()
                .stored("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8))
                .stored("com/example/A.class", new byte[] {1, 2, 3})
                .stored("com/example/A.class", new byte[] {6, 6, 6})
                .writeTo(dir.resolve("twice.jar"));
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.DUPLICATE_ENTRY);
        assertEquals("entry \"com/example/A.class\" appears more than once in the central directory of twice.jar, "
                + "so tools disagree about which copy counts: rebuild the jar with the jar tool or Maven", e.detail());
    }

    @Test
    void refusesAnEntryHiddenFromTheCentralDirectory() throws Exception {
        Path source = new RawZip()
                .stored("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8))
                .placed("com/example/Hidden.class", new byte[] {1, 2, 3}, RawZip.Placement.LOCAL_ONLY)
                .writeTo(dir.resolve("hidden.jar"));
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.DUPLICATE_ENTRY);
        assertEquals("entry \"com/example/Hidden.class\" in hidden.jar has a local header but is missing from the "
                + "central directory, so tools disagree about the jar's content: rebuild the jar with the jar tool or "
                + "Maven", e.detail());
    }

    @Test
    void refusesAnEntryOnlyInTheCentralDirectory() throws Exception {
        Path source = new RawZip()
                .stored("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8))
                .placed("com/example/Ghost.class", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                        RawZip.Placement.CENTRAL_ONLY)
                .writeTo(dir.resolve("ghost.jar"));
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.DUPLICATE_ENTRY);
        assertEquals("entry \"com/example/Ghost.class\" in ghost.jar is listed in the central directory but has no "
                + "local header; the archive was altered after it was built: rebuild the jar with the jar tool or Maven",
                e.detail());
    }

    @Test
    void refusesAHighlyCompressibleEntry() throws Exception {
        Path source = jarWithZeros("bomb.jar", 20 * 1024 * 1024);
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.ZIP_BOMB);
        assertTrue(e.detail().startsWith("entry \"data/zeros.bin\" in bomb.jar inflates from "), e.detail());
        assertTrue(e.detail().endsWith("bytes, over the limit of 100 times its compressed size; this is how zip "
                + "bombs are built: store such data in a smaller or less repetitive form"), e.detail());
    }

    @Test
    void allowsSmallRegularFilesDespiteTheirRatio() throws Exception {
        stager().stage(jarWithZeros("small.jar", 64 * 1024)).delete();
    }

    @Test
    void refusesEntriesOverTheTotalLimit() throws Exception {
        TestJar jar = TestJar.plugin("com.example.total", "1.0.0");
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            byte[] data = new byte[40_000];
            random.nextBytes(data);
            jar.entry("data/" + i + ".bin", data);
        }
        Path source = jar.writeTo(dir.resolve("total.jar"));
        JarStager stager = new JarStager(staging(), new StagingLimits(1 << 20, 100, 1 << 20, 100_000, 100));
        DeploymentRefusedException e = refused(stager, source, RefusalReason.ZIP_BOMB);
        assertEquals("the entries of total.jar inflate to more than 100000 bytes in total (limit reached at entry "
                + "\"data/2.bin\"); make the jar's content smaller", e.detail());
    }

    @Test
    void refusesAnEntryOverTheEntryLimit() throws Exception {
        byte[] data = new byte[50_000];
        new Random(3).nextBytes(data);
        Path source = TestJar.plugin("com.example.big", "1.0.0").entry("data/big.bin", data)
                .writeTo(dir.resolve("big.jar"));
        JarStager stager = new JarStager(staging(), new StagingLimits(1 << 20, 100, 40_000, 1 << 20, 100));
        DeploymentRefusedException e = refused(stager, source, RefusalReason.TOO_LARGE);
        assertEquals("entry \"data/big.bin\" in big.jar is larger than 40000 bytes uncompressed, the limit for one "
                + "entry; make it smaller", e.detail());
    }

    @Test
    void refusesAnEntryThatInflatesBeyondItsDeclaredSize() throws Exception {
        Path source = new RawZip()
                .stored("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8))
                .deflated("data/liar.bin", new byte[10_000], 100)
                .writeTo(dir.resolve("liar.jar"));
        DeploymentRefusedException e = refused(stager(), source, RefusalReason.ZIP_BOMB);
        assertEquals("entry \"data/liar.bin\" in liar.jar declares 100 bytes but inflates to more; rebuild the jar "
                + "with the jar tool or Maven", e.detail());
    }

    @Test
    void refusesAMissingSourceAsCallerError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stager().stage(dir.resolve("nope.jar")));
        assertEquals("cannot stage " + dir.resolve("nope.jar") + ": it is not a regular file", e.getMessage());
    }

    @Test
    void limitsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StagingLimits(1, 0, 1, 1, 1));
        assertEquals("staging limit maxEntries must be positive, was 0", e.getMessage());
        assertEquals(new StagingLimits(64L << 20, 10_000, 64L << 20, 256L << 20, 100), StagingLimits.defaults());
    }

    private Path jarWithZeros(String name, int size) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("data/zeros.bin"));
            byte[] chunk = new byte[1 << 16];
            for (int written = 0; written < size; written += chunk.length) {
                zip.write(chunk, 0, Math.min(chunk.length, size - written));
            }
            zip.closeEntry();
        }
        return file;
    }
}
