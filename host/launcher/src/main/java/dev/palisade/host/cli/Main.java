package dev.palisade.host.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.PalisadeStopException;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.internal.PalisadeVersion;
import dev.palisade.host.internal.RunningHost;

/**
 * The {@code palisade} command. {@code bin/palisade} runs it with the distribution folder as the
 * {@code palisade.home} system property, the default for {@code --home}. See {@link ExitCodes}.
 */
public final class Main {

    /** System property holding the default home folder (set by bin/palisade). */
    public static final String HOME_PROPERTY = "palisade.home";

    private static final String HELP = String.join(System.lineSeparator(),
            "Palisade " + PalisadeVersion.current() + ": an embeddable plugin host for signed extensions.",
            "",
            CommandLine.USAGE,
            "",
            "  run          start the host and serve until stopped (Ctrl-C or SIGTERM stop it cleanly)",
            "  --home DIR   the Palisade home folder (etc/, system/, deploy/, data/);",
            "               default: the distribution folder bin/palisade lives in",
            "  --port N     the HTTP port on 127.0.0.1, 0 for any free port;",
            "               default: palisade.http.port in etc/palisade.properties, else 8080",
            "  --help       print this text",
            "",
            "Exit codes: 0 help printed or stopped from inside; 1 did not start or stop cleanly;",
            "2 wrong arguments; 130 / 143 stopped by Ctrl-C / SIGTERM after a clean stop.");

    private Main() {
    }

    /** @param args the command's arguments */
    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /**
     * Runs the command; for {@code run}, blocks until the host stops.
     *
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(Arrays.asList(args));
        } catch (UsageException e) {
            err.println("palisade: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return ExitCodes.USAGE;
        }
        if (commandLine.command() == CommandLine.Command.HELP) {
            out.println(HELP);
            return ExitCodes.OK;
        }
        Path home = commandLine.home();
        if (home == null) {
            String fromScript = System.getProperty(HOME_PROPERTY);
            if (fromScript == null || fromScript.isBlank()) {
                err.println("palisade: no home folder; pass --home DIR (bin/palisade passes its own distribution folder)");
                err.println(CommandLine.USAGE);
                return ExitCodes.USAGE;
            }
            home = Path.of(fromScript);
        }
        return serve(home, commandLine.port(), out, err);
    }

    private static int serve(Path home, Integer port, PrintStream out, PrintStream err) {
        AtomicReference<PalisadeHost> running = new AtomicReference<>();
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            signalled.set(true);
            PalisadeHost host = running.get();
            if (host != null) {
                try {
                    host.close();
                    out.println("Palisade stopped");
                } catch (PalisadeStopException e) {
                    err.println("palisade: " + e.getMessage());
                }
                out.flush();
            }
        }, "palisade-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PalisadeHost host;
        try {
            Palisade.Builder builder = Palisade.builder().home(home);
            if (port != null) {
                builder.port(port);
            }
            host = builder.start();
        } catch (PalisadeStartException e) {
            err.println("palisade: cannot start: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        running.set(host);
        out.println("Palisade " + PalisadeVersion.current() + " ready at " + host.baseUri() + " with "
                + extensionCount(host) + " (home " + home.toAbsolutePath().normalize() + ")");
        out.flush();
        try {
            ((RunningHost) host).awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (signalled.get()) {
            return ExitCodes.OK;
        }
        running.set(null);
        try {
            host.close();
        } catch (PalisadeStopException e) {
            err.println("palisade: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        out.println("Palisade stopped");
        return ExitCodes.OK;
    }

    private static String extensionCount(PalisadeHost host) {
        try {
            int count = host.extensions().size();
            return count + (count == 1 ? " extension" : " extensions");
        } catch (HostProblem e) {
            return "no extension module";
        }
    }
}
