package dev.palisade.core.execute.engine;

import java.util.Locale;

/** The plan's {@code workflow.execution_strategy}. */
public enum Strategy {
    /** One task at a time, in topological order (ties in plan order). */
    SEQUENTIAL,
    /** Every ready task at once, on the engine's bounded pool. */
    PARALLEL,
    /** As {@link #SEQUENTIAL}, and a task whose {@code condition} is false is skipped. */
    CONDITIONAL;

    /** @return the MPLP name ({@code sequential}) */
    public String protocolName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether at most one task runs at a time */
    public boolean oneAtATime() {
        return this != PARALLEL;
    }
}
