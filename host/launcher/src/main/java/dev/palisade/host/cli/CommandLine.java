package dev.palisade.host.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed arguments of the {@code palisade} command:
 * {@code palisade run [--home DIR] [--port N]} or {@code palisade --help}. Options take their value
 * as the next argument or after {@code =}.
 *
 * @param command what to do
 * @param home    the home folder given with --home, or {@code null}
 * @param port    the port given with --port, or {@code null}
 */
public record CommandLine(Command command, Path home, Integer port) {

    /** The one-line usage summary. */
    public static final String USAGE = "usage: palisade run [--home DIR] [--port N] | palisade --help";

    /** What the command does. */
    public enum Command {
        /** Start the host and serve until stopped. */
        RUN,
        /** Print the help text. */
        HELP
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
        if (!"run".equals(args.get(0))) {
            throw new UsageException("unknown command [" + args.get(0) + "]");
        }
        Path home = null;
        Integer port = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (name.equals("--home") || name.equals("--port")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            } else {
                throw new UsageException("unknown option [" + arg + "]");
            }
            switch (name) {
                case "--home" -> {
                    if (home != null) {
                        throw new UsageException("--home is given twice");
                    }
                    if (value.isBlank()) {
                        throw new UsageException("--home needs a folder");
                    }
                    home = Path.of(value);
                }
                case "--port" -> {
                    if (port != null) {
                        throw new UsageException("--port is given twice");
                    }
                    port = parsePort(value);
                }
                default -> throw new UsageException("unknown option [" + arg + "]");
            }
        }
        return new CommandLine(Command.RUN, home, port);
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
