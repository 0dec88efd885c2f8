package dev.palisade.host.cli;

/** A command could not do its work; the message is one line, the CLI prints it and exits with {@link #exitCode()}. */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message  what went wrong and what to do, on one line
     */
    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
