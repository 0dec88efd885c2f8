package dev.palisade.host.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** The framework property {@code --db-url} sets. */
    static final String DB_URL = "palisade.db.url";
    /** The framework property {@code --db-user} sets. */
    static final String DB_USER = "palisade.db.user";
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private static final String HELP = String.join(System.lineSeparator(),
            "Palisade " + PalisadeVersion.current() + ": an embeddable plugin host for signed extensions.",
            "",
            CommandLine.USAGE,
            "",
            "  run              start the host and serve until stopped (Ctrl-C or SIGTERM stop it cleanly)",
            "  backup FILE      write a backup of the store (deployments, grants, audit log) to FILE, from one",
            "                   consistent snapshot; through the running host when one runs on the home",
            "  restore FILE     replace the store with the backup in FILE (H2 and PostgreSQL backups restore into",
            "                   either); refused while a host runs on the home, and when the store holds data",
            "                   newer than the backup",
            "  --force          restore even over newer data",
            "  audit verify     check the audit log's hash chain and name the first broken entry",
            "  --home DIR       the Palisade home folder (etc/, system/, deploy/, data/);",
            "                   default: the distribution folder bin/palisade lives in",
            "  --port N         the HTTP port on 127.0.0.1, 0 for any free port;",
            "                   default: palisade.http.port in etc/palisade.properties, else 8080",
            "  --db-url URL     the store's database: jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH;",
            "                   default: palisade.db.url in etc/palisade.properties, else H2 in data/db/",
            "  --db-user USER   the database user; default: palisade.db.user, else palisade (H2)",
            "                   the password comes only from the environment variable " + CommandLine.PASSWORD_ENV,
            "  --help           print this text",
            "",
            "Exit codes: 0 done (or help printed, or stopped from inside); 1 did not start, did not stop cleanly,",
            "or the command failed (database unreachable, file unreadable); 2 wrong arguments; 3 audit chain",
            "broken; 4 restore refused (newer data without --force, newer schema, or a host runs on the home);",
            "130 / 143 stopped by Ctrl-C / SIGTERM after a clean stop.");

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
     * Runs the command; for {@code run}, blocks until the host stops; the store commands start the
     * store in-process when no host runs on the home (see {@link StoreCommands}).
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
        if (commandLine.command() != CommandLine.Command.RUN) {
            quietLogs();
            return new StoreCommands(home, commandLine, out, err).run();
        }
        return serve(home, commandLine, out, err);
    }

    /** @return the framework properties for {@code --db-url} and {@code --db-user}, those given */
    static Map<String, String> databaseProperties(CommandLine commandLine) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (commandLine.dbUrl() != null) {
            properties.put(DB_URL, commandLine.dbUrl());
        }
        if (commandLine.dbUser() != null) {
            properties.put(DB_USER, commandLine.dbUser());
        }
        return properties;
    }

    /** The store commands print their own lines; the bundles' start-up chatter would drown them. */
    private static void quietLogs() {
        if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    private static int serve(Path home, CommandLine commandLine, PrintStream out, PrintStream err) {
        Integer port = commandLine.port();
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
            databaseProperties(commandLine).forEach(builder::property);
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
