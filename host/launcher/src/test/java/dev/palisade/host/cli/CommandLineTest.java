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

    @Test
    void storeCommands() {
        assertEquals(new CommandLine(Command.BACKUP, Path.of("h"), null, null, null, Path.of("b.gz"), false),
                CommandLine.parse(List.of("backup", "b.gz", "--home", "h")));
        assertEquals(new CommandLine(Command.RESTORE, null, null, "jdbc:postgresql://db:5432/p", "app", Path.of("b.gz"), true),
                CommandLine.parse(List.of("restore", "--force", "b.gz", "--db-url=jdbc:postgresql://db:5432/p", "--db-user", "app")));
        assertEquals(new CommandLine(Command.AUDIT_VERIFY, Path.of("h"), null, null, null, null, false),
                CommandLine.parse(List.of("audit", "verify", "--home=h")));
        assertEquals(new CommandLine(Command.RUN, null, 0, "jdbc:h2:file:/x", "u", null, false),
                CommandLine.parse(List.of("run", "--db-url", "jdbc:h2:file:/x", "--port", "0", "--db-user", "u")));
    }

    @Test
    void aPasswordIsNeverTakenFromTheCommandLine() {
        String expected = "--db-password is not accepted: a password on the command line shows in the process list and"
                + " the shell history; set the environment variable PALISADE_DB_PASSWORD instead";
        assertEquals(expected, usageError("run", "--db-password", "secret"));
        assertEquals(expected, usageError("run", "--db-password=secret"));
        assertEquals(expected, usageError("backup", "f", "--db-password"));
    }

    @Test
    void storeCommandErrorsNameTheWrongArgument() {
        assertEquals("backup needs a FILE", usageError("backup", "--home", "h"));
        assertEquals("restore needs a FILE", usageError("restore"));
        assertEquals("unknown option [second]", usageError("backup", "first", "second"));
        assertEquals("audit needs a subcommand: palisade audit verify", usageError("audit"));
        assertEquals("audit needs a subcommand: palisade audit verify", usageError("audit", "check"));
        assertEquals("--force is an option of restore only", usageError("backup", "f", "--force"));
        assertEquals("--force takes no value", usageError("restore", "f", "--force=yes"));
        assertEquals("--port is an option of run only", usageError("backup", "f", "--port", "1"));
        assertEquals("--db-url [postgres://x] is not a JDBC URL; use jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH",
                usageError("run", "--db-url", "postgres://x"));
        assertEquals("--db-url is given twice", usageError("run", "--db-url", "jdbc:h2:file:a", "--db-url=jdbc:h2:file:b"));
        assertEquals("--db-user needs a value", usageError("audit", "verify", "--db-user"));
    }
}
