package dev.palisade.sandbox.weaving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.guard.FileOpens;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replacements of the Files calls that open a file: same results as the JDK's, denied outside the grant, and
 * a link in the last place (which the check does not look at) refused by the open itself and then followed only to
 * a granted target.
 */
class FileOpensTest {

    private static final OpenOption[] NONE = {};

    @TempDir
    Path temp;
    Path data;
    Path outside;
    String id;
    TestPolicy policy = TestPolicy.installed();

    @BeforeEach
    void setUp() throws IOException {
        Path root = temp.toRealPath();
        data = Files.createDirectories(root.resolve("data"));
        outside = Files.writeString(root.resolve("secret.txt"), "secret");
        id = "ext-" + System.nanoTime();
        policy.grant(id, data, "file.read **", "file.write **");
    }

    @Test
    void readsAnswerWhatTheJdkAnswers() throws IOException {
        Path file = Files.writeString(data.resolve("lines.txt"), "one\ntwo\r\nthree\n");
        assertArrayEquals(Files.readAllBytes(file), FileOpens.readAllBytes(file, id));
        assertEquals(Files.readString(file), FileOpens.readString(file, id));
        assertEquals(Files.readString(file, StandardCharsets.ISO_8859_1),
                FileOpens.readString(file, StandardCharsets.ISO_8859_1, id));
        assertEquals(Files.readAllLines(file), FileOpens.readAllLines(file, id));
        try (Stream<String> lines = FileOpens.lines(file, id); Stream<String> jdk = Files.lines(file)) {
            assertEquals(jdk.toList(), lines.toList());
        }
        try (BufferedReader reader = FileOpens.newBufferedReader(file, StandardCharsets.UTF_8, id)) {
            assertEquals("one", reader.readLine());
        }
        try (InputStream in = FileOpens.newInputStream(file, new OpenOption[] {StandardOpenOption.READ}, id)) {
            assertArrayEquals(Files.readAllBytes(file), in.readAllBytes());
        }
        assertArrayEquals(new byte[0], FileOpens.readAllBytes(Files.createFile(data.resolve("empty")), id));
    }

    @Test
    void largeFilesAreReadWhole() throws IOException {
        byte[] content = new byte[100_003];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(data.resolve("large.bin"), content);
        assertArrayEquals(content, FileOpens.readAllBytes(file, id));
    }

    @Test
    void filesThatReportNoSizeAreReadToTheirEnd() throws IOException {
        Path cmdline = Path.of("/proc/self/cmdline");
        assumeTrue(Files.isReadable(cmdline) && Files.size(cmdline) == 0, "a Linux /proc");
        policy.grant(id, data, "file.read /proc/**");
        byte[] read = FileOpens.readAllBytes(cmdline, id);
        assertTrue(read.length > 0);
        assertArrayEquals(Files.readAllBytes(cmdline), read);
    }

    @Test
    void malformedTextThrowsAsTheJdkDoes() throws IOException {
        Path file = Files.write(data.resolve("bad.txt"), new byte[] {'a', (byte) 0xC3});
        assertThrows(MalformedInputException.class, () -> Files.readString(file));
        assertThrows(MalformedInputException.class, () -> FileOpens.readString(file, id));
        Path target = data.resolve("ascii.txt");
        assertThrows(UnmappableCharacterException.class,
                () -> FileOpens.writeString(target, "é", StandardCharsets.US_ASCII, NONE, id));
        assertFalse(Files.exists(target), "nothing is created when the text cannot be encoded");
    }

    @Test
    void writesAnswerWhatTheJdkAnswers() throws IOException {
        Path file = data.resolve("out.txt");
        assertEquals(file, FileOpens.writeString(file, "first line that is long", NONE, id));
        assertEquals(file, FileOpens.write(file, "short".getBytes(StandardCharsets.UTF_8), NONE, id));
        assertEquals("short", Files.readString(file), "no options: created and truncated, as the JDK does");
        FileOpens.write(file, new byte[] {'!'}, new OpenOption[] {StandardOpenOption.APPEND}, id);
        assertEquals("short!", Files.readString(file));
        FileOpens.write(file, List.of("a", "b"), NONE, id);
        assertEquals(List.of("a", "b"), Files.readAllLines(file));
        FileOpens.writeString(file, "ü", StandardCharsets.ISO_8859_1, NONE, id);
        assertArrayEquals(new byte[] {(byte) 0xFC}, Files.readAllBytes(file));
        try (BufferedWriter writer = FileOpens.newBufferedWriter(file, NONE, id)) {
            writer.write("buffered");
        }
        assertEquals("buffered", Files.readString(file));
        try (OutputStream out = FileOpens.newOutputStream(data.resolve("new.bin"),
                new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE}, id)) {
            out.write(7);
        }
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(data.resolve("new.bin")));
        byte[] large = new byte[20_000];
        large[19_999] = 9;
        FileOpens.write(file, large, NONE, id);
        assertArrayEquals(large, Files.readAllBytes(file));
    }

    @Test
    void missingFilesFailAsTheJdkDoes() {
        Path missing = data.resolve("missing.txt");
        assertThrows(NoSuchFileException.class, () -> FileOpens.readAllBytes(missing, id));
        assertThrows(NoSuchFileException.class, () -> FileOpens.readString(data.resolve("no/such.txt"), id));
    }

    @Test
    void ungrantedFilesAreDeniedAndLeftAlone() throws IOException {
        SandboxViolation read = assertThrows(SandboxViolation.class, () -> FileOpens.readAllBytes(outside, id));
        assertEquals("file.read", read.permission());
        assertEquals(outside.toString(), read.target());
        assertThrows(SandboxViolation.class, () -> FileOpens.readString(data.resolve("../secret.txt"), id));
        SandboxViolation write = assertThrows(SandboxViolation.class,
                () -> FileOpens.writeString(data.resolve("../secret.txt"), "overwritten", NONE, id));
        assertEquals("file.write", write.permission());
        assertEquals("secret", Files.readString(outside));
        Path created = outside.resolveSibling("created.txt");
        assertThrows(SandboxViolation.class, () -> FileOpens.newOutputStream(created, NONE, id));
        assertFalse(Files.exists(created));
    }

    @Test
    void deleteOnCloseNeedsTheWriteGrant() throws IOException {
        Path file = Files.writeString(data.resolve("keep.txt"), "keep");
        String reader = id + "-reader";
        policy.grant(reader, data, "file.read **");
        OpenOption[] deleting = {StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE};
        SandboxViolation violation = assertThrows(SandboxViolation.class,
                () -> FileOpens.newInputStream(file, deleting, reader));
        assertEquals("file.write", violation.permission());
        assertTrue(Files.exists(file));
        FileOpens.newInputStream(file, deleting, id).close();
        assertFalse(Files.exists(file), "with file.write granted the option works as the JDK's");
    }

    @Test
    void aLinkInTheLastPlaceIsRefusedByTheOpenAndFollowedOnlyToAGrantedTarget() throws IOException {
        Path link = Files.createSymbolicLink(data.resolve("innocent.txt"), outside);
        SandboxViolation read = assertThrows(SandboxViolation.class, () -> FileOpens.readAllBytes(link, id));
        assertEquals(outside.toString(), read.target(), "the denial names where the link leads");
        assertThrows(SandboxViolation.class, () -> FileOpens.newInputStream(link, NONE, id));
        assertThrows(SandboxViolation.class, () -> FileOpens.writeString(link, "overwritten", NONE, id));
        assertEquals("secret", Files.readString(outside));

        Path granted = Files.writeString(data.resolve("granted.txt"), "granted");
        Path inside = Files.createSymbolicLink(data.resolve("alias.txt"), granted);
        assertEquals("granted", FileOpens.readString(inside, id));
        FileOpens.writeString(inside, "through the link", NONE, id);
        assertEquals("through the link", Files.readString(granted));
        assertTrue(Files.isSymbolicLink(inside), "the link itself is left as it was");
    }

    @Test
    void aGrantNamingTheFileALinkLeadsToCoversTheLink() throws IOException {
        // as an operator mounts configuration: the granted name is a link into a versioned folder
        Path versioned = Files.createDirectories(data.resolve("..2026_11_22"));
        Path real = Files.writeString(versioned.resolve("app.yml"), "config");
        Path granted = Files.createSymbolicLink(data.resolve("app.yml"), Path.of("..2026_11_22/app.yml"));
        String reader = id + "-exact";
        policy.grant(reader, data, "file.read app.yml");
        assertEquals("config", FileOpens.readString(granted, reader));
        assertEquals(List.of("config"), FileOpens.readAllLines(granted, reader));

        Path pem = Files.writeString(data.resolve("ca.pem"), "pem");
        Path alias = Files.createSymbolicLink(data.resolve("ca"), pem.getFileName());
        String pems = id + "-pem";
        policy.grant(pems, data, "file.read *.pem");
        assertEquals("pem", FileOpens.readString(alias, pems), "the link's own name need not match, its target does");
        SandboxViolation violation = assertThrows(SandboxViolation.class, () -> FileOpens.readString(real, pems));
        assertEquals(real.toString(), violation.target());
    }

    @Test
    void deleteOnCloseNeverFollowsALinkAsInTheJdk() throws IOException {
        Path granted = Files.writeString(data.resolve("kept.txt"), "kept");
        Path link = Files.createSymbolicLink(data.resolve("link.txt"), granted);
        OpenOption[] deleting = {StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE};
        assertThrows(IOException.class, () -> Files.newInputStream(link, deleting), "the JDK refuses the link");
        assertThrows(IOException.class, () -> FileOpens.newInputStream(link, deleting, id),
                "refused by the open as in the JDK, not followed (a denial would be a SandboxViolation)");
        assertTrue(Files.exists(granted), "the link's target is not deleted");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aDataFolderReachedThroughALinkWorksTheSame() throws IOException {
        Path linked = Files.createSymbolicLink(data.resolveSibling("data-link"), data);
        String viaLink = id + "-linked";
        policy.grant(viaLink, linked, "file.read **", "file.write **");
        FileOpens.writeString(linked.resolve("through.txt"), "through", NONE, viaLink);
        assertEquals("through", Files.readString(data.resolve("through.txt")));
        assertEquals("through", FileOpens.readString(linked.resolve("through.txt"), viaLink));
        Files.createSymbolicLink(data.resolve("out.txt"), outside);
        assertThrows(SandboxViolation.class, () -> FileOpens.readString(linked.resolve("out.txt"), viaLink));
        assertThrows(SandboxViolation.class,
                () -> FileOpens.writeString(linked.resolve("out.txt"), "overwritten", NONE, viaLink));
        assertEquals("secret", Files.readString(outside));
    }

    @Test
    void anInterruptTheThreadHadDoesNotStopAReadAndIsKept() throws IOException {
        Path file = Files.writeString(data.resolve("small.txt"), "small");
        Thread.currentThread().interrupt();
        try {
            assertEquals("small", FileOpens.readString(file, id));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aDanglingLinkToAnUngrantedPlaceCreatesNothingThere() throws IOException {
        Path target = outside.resolveSibling("planted.txt");
        Path link = Files.createSymbolicLink(data.resolve("dangling.txt"), target);
        assertThrows(SandboxViolation.class, () -> FileOpens.write(link, new byte[] {1}, NONE, id));
        assertFalse(Files.exists(target));
        OpenOption[] createNew = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> FileOpens.newOutputStream(link, createNew, id), "CREATE_NEW does not follow a link, as in the JDK");
        assertFalse(Files.exists(target));
    }

    @Test
    void linkedFoldersOnTheWayAreResolvedBeforeTheCheck() throws IOException {
        Files.createSymbolicLink(data.resolve("escape"), outside.getParent());
        assertThrows(SandboxViolation.class, () -> FileOpens.readString(data.resolve("escape/secret.txt"), id));
        assertThrows(SandboxViolation.class, () -> FileOpens.readString(data.resolve("escape/data/.."), id));
    }
}
