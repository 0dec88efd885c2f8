package dev.palisade.core.extension.isolate;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Copies a child JVM's standard error into the host's log line by line, in bounded memory whatever the child
 * writes: a line is cut at {@link #MAX_LINE} characters (the rest of it is skipped), and at most
 * {@link #MAX_LINES_PER_SECOND} lines a second are logged; the lines dropped meanwhile are counted in one line.
 * A strict extension may print to {@code System.err}; it must not be able to fill the host's heap or log.
 */
final class ChildErrorLog {

    static final int MAX_LINE = 2000;
    static final int MAX_LINES_PER_SECOND = 50;

    private ChildErrorLog() {
    }

    /** Reads {@code in} to its end, handing each (cut) line to {@code log}; returns when the child closed it. */
    static void copy(Reader in, Consumer<String> log) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        long windowStart = System.nanoTime();
        int inWindow = 0;
        long dropped = 0;
        char[] buffer = new char[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c != '\n') {
                    if (line.length() < MAX_LINE) {
                        line.append(c);
                    } else {
                        cut = true;
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (now - windowStart >= 1_000_000_000L) {
                    if (dropped > 0) {
                        log.accept("(" + dropped + " lines dropped: more than " + MAX_LINES_PER_SECOND + " a second)");
                    }
                    windowStart = now;
                    inWindow = 0;
                    dropped = 0;
                }
                if (inWindow++ < MAX_LINES_PER_SECOND) {
                    log.accept(cut ? line + "…" : line.toString());
                } else {
                    dropped++;
                }
                line.setLength(0);
                cut = false;
            }
        }
        if (line.length() > 0) {
            log.accept(cut ? line + "…" : line.toString());
        }
        if (dropped > 0) {
            log.accept("(" + dropped + " lines dropped: more than " + MAX_LINES_PER_SECOND + " a second)");
        }
    }
}
