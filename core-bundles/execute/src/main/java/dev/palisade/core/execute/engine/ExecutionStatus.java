package dev.palisade.core.execute.engine;

import java.util.Locale;

import dev.palisade.protocol.Transitions;

/** Where an execution stands, and the moves clients and the engine may make between those states. */
public enum ExecutionStatus {
    PENDING, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED;

    /** The allowed moves: pause, resume and cancel requests are checked against these. */
    public static final Transitions MOVES = Transitions.of("status")
            .allow("pending", "running", "cancelled")
            .allow("running", "paused", "completed", "failed", "cancelled")
            .allow("paused", "running", "cancelled")
            .build();

    /** @return the name clients see */
    public String protocolName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
