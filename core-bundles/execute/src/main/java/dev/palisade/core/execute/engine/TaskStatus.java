package dev.palisade.core.execute.engine;

import java.util.Locale;

/** Where one task of an execution stands. */
public enum TaskStatus {
    PENDING(false), RUNNING(false), WAITING_APPROVAL(false), RETRYING(false),
    COMPLETED(true), FAILED(true), SKIPPED(true), VETOED(true), CANCELLED(true), ROLLED_BACK(true);

    private final boolean terminal;

    TaskStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** @return whether the task will not change any more (but a completed one may still be rolled back) */
    public boolean terminal() {
        return terminal;
    }

    /** @return the name clients see ({@code waiting_approval}) */
    public String protocolName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
