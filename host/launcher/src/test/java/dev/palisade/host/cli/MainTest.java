package dev.palisade.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badArgumentsPrintTheReasonAndUsageAndExit2() {
        assertEquals(ExitCodes.USAGE, run("serve"));
        assertEquals("palisade: unknown command [serve]" + System.lineSeparator() + CommandLine.USAGE + System.lineSeparator(), err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExit0() {
        assertEquals(ExitCodes.OK, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains(CommandLine.USAGE), help);
        assertTrue(help.contains("Exit codes:"), help);
        assertEquals("", err());
    }

    @Test
    void aHomeWithoutEtcFailsToStartWithExit1(@TempDir Path home) {
        assertEquals(ExitCodes.FAILED, run("run", "--home", home.toString(), "--port", "0"));
        assertEquals("palisade: cannot start: home folder " + home + " has no etc/ folder (settings (palisade.properties)"
                + " and trust anchors); pass the folder of an unpacked Palisade distribution" + System.lineSeparator(), err());
    }

    @Test
    void restoreIsRefusedWhileAHostHoldsTheHome(@TempDir Path home) throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve("palisade.port"), "9");
        try (FileChannel channel = FileChannel.open(data.resolve("palisade.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            assertEquals(ExitCodes.REFUSED, run("restore", "backup.gz", "--home", home.toString()));
            assertEquals("palisade: cannot restore: a host runs on " + home + " (port 9) and a restore would replace the"
                    + " store under it; stop the host first, then run palisade restore again" + System.lineSeparator(), err());
        }
    }

    @Test
    void aLockedHomeWhoseHostDoesNotAnswerFailsWithExit1(@TempDir Path home) throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(data.resolve("palisade.port"), Integer.toString(port));
        try (FileChannel channel = FileChannel.open(data.resolve("palisade.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            assertEquals(ExitCodes.FAILED, run("audit", "verify", "--home", home.toString()));
            assertEquals("palisade: the host that holds this home does not answer on http://127.0.0.1:" + port
                    + "/ (connection refused); wait until it is ready or stop it, then run the command again"
                    + System.lineSeparator(), err());
            err.reset();
            Files.delete(data.resolve("palisade.port"));
            assertEquals(ExitCodes.FAILED, run("backup", "b.gz", "--home", home.toString()));
            assertEquals("palisade: a host is starting on " + home + "; wait until it is ready, then run the command again"
                    + System.lineSeparator(), err());
        }
    }
}
