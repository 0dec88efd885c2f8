package dev.palisade.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.host.cli.CommandLine.Command;

class CommandLineTest {

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> CommandLine.parse(List.of(args))).getMessage();
    }

    @Test
    void runWithoutOptions() {
        assertEquals(new CommandLine(Command.RUN, null, null), CommandLine.parse(List.of("run")));
    }

    @Test
    void runWithSeparateAndJoinedValues() {
        assertEquals(new CommandLine(Command.RUN, Path.of("/opt/p"), 9090), CommandLine.parse(List.of("run", "--home", "/opt/p", "--port", "9090")));
        assertEquals(new CommandLine(Command.RUN, Path.of("p"), 0), CommandLine.parse(List.of("run", "--port=0", "--home=p")));
    }

    @Test
    void helpAnywhere() {
        assertEquals(Command.HELP, CommandLine.parse(List.of("--help")).command());
        assertEquals(Command.HELP, CommandLine.parse(List.of("run", "-h")).command());
        assertEquals(Command.HELP, CommandLine.parse(List.of("help")).command());
    }

    @Test
    void errorsNameTheWrongArgument() {
        assertEquals("no command given", usageError());
        assertEquals("unknown command [start]", usageError("start"));
        assertEquals("unknown option [--verbose]", usageError("run", "--verbose"));
        assertEquals("unknown option [--colour=red]", usageError("run", "--colour=red"));
        assertEquals("--port needs a value", usageError("run", "--port"));
        assertEquals("--home needs a value", usageError("run", "--home"));
        assertEquals("--home needs a folder", usageError("run", "--home="));
        assertEquals("--port [http] is not a port number in 0..65535 (0 = any free port)", usageError("run", "--port", "http"));
        assertEquals("--port [65536] is not a port number in 0..65535 (0 = any free port)", usageError("run", "--port=65536"));
        assertEquals("--port [-1] is not a port number in 0..65535 (0 = any free port)", usageError("run", "--port", "-1"));
        assertEquals("--port is given twice", usageError("run", "--port", "1", "--port", "2"));
        assertEquals("--home is given twice", usageError("run", "--home", "a", "--home=b"));
        assertEquals("unknown option [extra]", usageError("run", "extra"));
    }
}
