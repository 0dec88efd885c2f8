package dev.palisade.core.context;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.Transitions;

/**
 * The context's two state fields and what may change them. Status: {@code active <-> suspended},
 * {@code active -> completed | failed}, {@code suspended -> failed}; {@code completed} and {@code failed}
 * are final. Lifecycle stage: {@code planning -> execution -> validation -> completion}, with the moves
 * back a project needs ({@code execution -> planning}, {@code validation -> execution}); {@code completion}
 * is final, and the stage moves only while the context is {@code active}. A context in a final status
 * keeps its shared state read-only. Stateless; thread-safe.
 */
final class ContextRules {

    static final String STATUS = "status";
    static final String STAGE = "lifecycle_stage";

    private static final Transitions STATUSES = Transitions.of(STATUS)
            .allow("active", "suspended", "completed", "failed")
            .allow("suspended", "active", "failed")
            .build();
    private static final Transitions STAGES = Transitions.of(STAGE)
            .allow("planning", "execution")
            .allow("execution", "validation", "planning")
            .allow("validation", "completion", "execution")
            .build();
    private static final Set<String> FINAL_STATUSES = Set.of("completed", "failed");

    private ContextRules() {
    }

    /**
     * Checks a requested change against the current state. A field not being changed is {@code null} in
     * {@code toStatus}/{@code toStage}.
     *
     * @throws HostProblem 409 {@code invalid-transition} naming the allowed moves
     */
    static void requireChange(String what, String status, String stage, String toStatus, String toStage) {
        if (toStatus != null) {
            STATUSES.require(what, status, toStatus);
        }
        if (toStage != null) {
            if (!"active".equals(status)) {
                throw new HostProblem(409, "invalid-transition", "Invalid state change",
                        what + " cannot change " + STAGE + " from " + stage + " to " + toStage + " while it is "
                                + status + "; the lifecycle stage moves only while the context is active",
                        Map.of("field", STAGE, "from", stage, "to", toStage, "allowed", List.of()));
            }
            STAGES.require(what, stage, toStage);
        }
    }

    /**
     * @throws HostProblem 409 {@code context-final} when the context's status is final, so its shared state
     *                     can no longer change
     */
    static void requireWritable(String what, String status) {
        if (FINAL_STATUSES.contains(status)) {
            throw new HostProblem(409, "context-final", "Context is final",
                    what + " is " + status + ": its content is read-only; create a new context to go on",
                    Map.of("status", status));
        }
    }
}
