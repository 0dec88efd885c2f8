package dev.palisade.host.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The parsed arguments of the {@code palisade} command (see {@link #USAGE}). Options take their value
 * as the next argument or after {@code =}. A database password is never accepted here: it comes only
 * from the environment variable {@value #PASSWORD_ENV}.
 *
 * @param command what to do
 * @param home    the home folder given with --home, or {@code null}
 * @param port    the port given with --port ({@code run} only), or {@code null}
 * @param dbUrl   the JDBC URL given with --db-url, or {@code null}
 * @param dbUser  the database user given with --db-user, or {@code null}
 * @param file    the backup file of {@code backup} and {@code restore}, or {@code null}
 * @param force   {@code restore --force}: overwrite data newer than the backup
 */
public record CommandLine(Command command, Path home, Integer port, String dbUrl, String dbUser, Path file,
        boolean force) {

    /** The one-line usage summary. */
    public static final String USAGE = "usage: palisade (run [--port N] | backup FILE | restore FILE [--force] | audit verify)"
            + " [--home DIR] [--db-url URL] [--db-user USER] | palisade --help";

    /** The environment variable the database password comes from. */
    public static final String PASSWORD_ENV = "PALISADE_DB_PASSWORD";

    private static final Set<String> VALUED = Set.of("--home", "--port", "--db-url", "--db-user", "--db-password");

    /** What the command does. */
    public enum Command {
        /** Start the host and serve until stopped. */
        RUN,
        /** Write a backup of the store to a file. */
        BACKUP,
        /** Replace the store with a backup. */
        RESTORE,
        /** Check the audit log's hash chain. */
        AUDIT_VERIFY,
        /** Print the help text. */
        HELP
    }

    /** {@code palisade run} with a home and port only. */
    public CommandLine(Command command, Path home, Integer port) {
        this(command, home, port, null, null, null, false);
    }

    /**
     * @param args the arguments
     * @return the parsed command line
     * @throws UsageException naming the wrong argument
     */
    public static CommandLine parse(List<String> args) {
        if (args.contains("--help") || args.contains("-h") || args.equals(List.of("help"))) {
            return new CommandLine(Command.HELP, null, null);
        }
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        Command command;
        int first = 1;
        switch (args.get(0)) {
            case "run" -> command = Command.RUN;
            case "backup" -> command = Command.BACKUP;
            case "restore" -> command = Command.RESTORE;
            case "audit" -> {
                if (args.size() < 2 || !"verify".equals(args.get(1))) {
                    throw new UsageException("audit needs a subcommand: palisade audit verify");
                }
                command = Command.AUDIT_VERIFY;
                first = 2;
            }
            default -> throw new UsageException("unknown command [" + args.get(0) + "]");
        }
        Builder b = new Builder(command);
        for (int i = first; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                b.positional(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = null;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (VALUED.contains(name) && !name.equals("--db-password")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            b.option(name, value, arg);
        }
        return b.build();
    }

    /** Collects one command's options and checks which are allowed with it. */
    private static final class Builder {
        private final Command command;
        private Path home;
        private Integer port;
        private String dbUrl;
        private String dbUser;
        private Path file;
        private boolean force;

        Builder(Command command) {
            this.command = command;
        }

        void positional(String arg) {
            if ((command == Command.BACKUP || command == Command.RESTORE) && file == null) {
                if (arg.isBlank()) {
                    throw new UsageException(name() + " needs a FILE");
                }
                file = Path.of(arg);
                return;
            }
            throw new UsageException("unknown option [" + arg + "]");
        }

        void option(String name, String value, String arg) {
            switch (name) {
                case "--db-password" -> throw new UsageException("--db-password is not accepted: a password on the command"
                        + " line shows in the process list and the shell history; set the environment variable "
                        + PASSWORD_ENV + " instead");
                case "--home" -> {
                    requireOnce(name, home);
                    if (value.isBlank()) {
                        throw new UsageException("--home needs a folder");
                    }
                    home = Path.of(value);
                }
                case "--port" -> {
                    if (command != Command.RUN) {
                        throw new UsageException("--port is an option of run only");
                    }
                    requireOnce(name, port);
                    port = parsePort(value);
                }
                case "--db-url" -> {
                    requireOnce(name, dbUrl);
                    if (!value.startsWith("jdbc:")) {
                        throw new UsageException("--db-url [" + value + "] is not a JDBC URL; use"
                                + " jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH");
                    }
                    dbUrl = value;
                }
                case "--db-user" -> {
                    requireOnce(name, dbUser);
                    if (value.isBlank()) {
                        throw new UsageException("--db-user needs a user name");
                    }
                    dbUser = value;
                }
                case "--force" -> {
                    if (command != Command.RESTORE || value != null) {
                        throw new UsageException(command == Command.RESTORE ? "--force takes no value"
                                : "--force is an option of restore only");
                    }
                    force = true;
                }
                default -> throw new UsageException("unknown option [" + arg + "]");
            }
        }

        CommandLine build() {
            if ((command == Command.BACKUP || command == Command.RESTORE) && file == null) {
                throw new UsageException(name() + " needs a FILE");
            }
            return new CommandLine(command, home, port, dbUrl, dbUser, file, force);
        }

        private String name() {
            return command.name().toLowerCase(java.util.Locale.ROOT);
        }

        private static void requireOnce(String name, Object current) {
            if (current != null) {
                throw new UsageException(name + " is given twice");
            }
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port [" + value + "] is not a port number in 0..65535 (0 = any free port)");
    }
}
