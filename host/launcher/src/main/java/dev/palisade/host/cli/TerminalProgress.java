package dev.palisade.host.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

import dev.palisade.host.bridge.StoreProgress;

/**
 * Prints a backup's or restore's progress, a line per table when it is done and one every
 * {@value #EVERY} rows in between. Used on one thread.
 */
final class TerminalProgress implements StoreProgress {

    static final long EVERY = 10_000;

    private final PrintStream out;
    private final String verb;
    private final Set<String> finished = new HashSet<>();

    /** @param verb what is done to the rows, such as "copied" */
    TerminalProgress(PrintStream out, String verb) {
        this.out = out;
        this.verb = verb;
    }

    @Override
    public void update(String table, long done, long total) {
        if (done == total) {
            if (finished.add(table)) {
                out.println("  " + table + ": " + done + " rows " + verb);
            }
        } else if (done > 0 && done % EVERY == 0) {
            out.println("  " + table + ": " + done + " of " + total + " rows " + verb + " (" + (done * 100 / total) + "%)");
        }
        out.flush();
    }
}
