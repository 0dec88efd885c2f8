package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.ExtensionLog;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ExtensionLog} writing to the host's {@link System.Logger}, one line per call, tagged with
 * the extension and the invocation:
 * {@code [extension text-tools 5b0c... invocation 1f2e...] message}. Messages are escaped and cut
 * by {@link LogText}; after {@value #MAX_LINES} lines in one invocation, one warning says so and
 * further lines are dropped. Needs no grant. Thread-safe.
 */
final class HostExtensionLog implements ExtensionLog {

    /** The most characters of one message that reach the log. */
    static final int MAX_MESSAGE_CHARS = 4096;
    /** The most lines one invocation writes. */
    static final int MAX_LINES = 1000;

    private final InvocationScope scope;
    private final System.Logger logger;
    private final AtomicInteger lines = new AtomicInteger();
    /** Made at the first line: most invocations write none, and every invocation makes a log. */
    private String tag;

    HostExtensionLog(InvocationScope scope, System.Logger logger) {
        this.scope = scope;
        this.logger = logger;
    }

    @Override
    public void info(String message) {
        write(Level.INFO, message);
    }

    @Override
    public void warn(String message) {
        write(Level.WARNING, message);
    }

    @Override
    public void error(String message) {
        write(Level.ERROR, message);
    }

    private void write(Level level, String message) {
        scope.requireOpen();
        int line = lines.incrementAndGet();
        if (line > MAX_LINES + 1) {
            return;
        }
        if (line == MAX_LINES + 1) {
            logger.log(Level.WARNING, tag() + "wrote more than " + MAX_LINES + " log lines in one invocation;"
                    + " further lines of this invocation are dropped");
            return;
        }
        logger.log(level, tag() + LogText.escape(message, MAX_MESSAGE_CHARS));
    }

    /** Racy but safe: a String is immutable, so a thread sees either {@code null} (and makes it again) or all of it. */
    private String tag() {
        String made = tag;
        if (made == null) {
            made = "[extension " + LogText.escape(scope.extensionName(), 200) + " " + LogText.escape(scope.extensionId(),
                    200) + " invocation " + LogText.escape(scope.invocationId(), 200) + "] ";
            tag = made;
        }
        return made;
    }
}
