package dev.palisade.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
}
