package dev.palisade.core.plan.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plan as stored.
 *
 * @param plan      the MPLP Plan object, with the host's {@code metadata}
 * @param revision  how many times it was written (1 after create)
 * @param createdAt when it was created
 */
public record StoredPlan(ObjectNode plan, long revision, Instant createdAt) {

    /** @return the plan's id */
    public String id() {
        return plan.path("id").asText();
    }
}
