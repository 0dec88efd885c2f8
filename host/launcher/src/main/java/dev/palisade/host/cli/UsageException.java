package dev.palisade.host.cli;

/** The command line is wrong; the message says how, and the CLI exits with {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the arguments */
    public UsageException(String message) {
        super(message);
    }
}
