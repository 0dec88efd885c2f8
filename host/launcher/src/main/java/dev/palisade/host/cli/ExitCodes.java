package dev.palisade.host.cli;

/**
 * Exit codes of the {@code palisade} command.
 *
 * <ul>
 * <li>0: help was printed, the command did what it was asked, or the framework stopped from inside.</li>
 * <li>1: the host did not start, did not stop cleanly, or the command failed (the reason is printed on
 * standard error in one line), such as an unreachable database.</li>
 * <li>2: the arguments are wrong (a usage line is printed on standard error).</li>
 * <li>3: {@code audit verify} (or a restore's check of the restored chain) found a broken audit chain;
 * the first broken entry is named.</li>
 * <li>4: a restore was refused before anything changed: the store holds newer data (use --force), the
 * backup's schema is newer, or a host runs on the home (stop it first).</li>
 * <li>130 and 143: the host was stopped by Ctrl-C (SIGINT) or SIGTERM; the JVM's convention of
 * 128 + signal number. The host is closed cleanly first and "Palisade stopped" is printed.</li>
 * </ul>
 */
public final class ExitCodes {
    /** Help printed, the command succeeded, or the framework stopped from inside. */
    public static final int OK = 0;
    /** The host did not start or stop cleanly, or the command failed. */
    public static final int FAILED = 1;
    /** Wrong arguments. */
    public static final int USAGE = 2;
    /** The audit chain is broken. */
    public static final int AUDIT_BROKEN = 3;
    /** A restore was refused; nothing changed. */
    public static final int REFUSED = 4;

    private ExitCodes() {
    }
}
