package dev.palisade.host.cli;

/**
 * Exit codes of the {@code palisade} command.
 *
 * <ul>
 * <li>0: help was printed, or the framework stopped from inside.</li>
 * <li>1: the host did not start (the reason is printed on standard error) or did not stop cleanly.</li>
 * <li>2: the arguments are wrong (a usage line is printed on standard error).</li>
 * <li>130 and 143: the host was stopped by Ctrl-C (SIGINT) or SIGTERM; the JVM's convention of
 * 128 + signal number. The host is closed cleanly first and "Palisade stopped" is printed.</li>
 * </ul>
 */
public final class ExitCodes {
    /** Help printed, or the framework stopped from inside. */
    public static final int OK = 0;
    /** The host did not start or did not stop cleanly. */
    public static final int FAILED = 1;
    /** Wrong arguments. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
