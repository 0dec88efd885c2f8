package dev.palisade.core.execute.engine;

import java.util.Locale;

/** How a plan dependency {@code from_task -> to_task} constrains the second task. */
public enum DependencyType {
    /** The second task starts only after the first completed; it is skipped when the first did not. */
    FINISH_TO_START,
    /** The second task starts only after the first started; it is skipped when the first never starts. */
    START_TO_START,
    /** The second task may run at once, but its completion waits until the first has ended. */
    FINISH_TO_FINISH;

    /** @return the MPLP name ({@code finish_to_start}) */
    public String protocolName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
