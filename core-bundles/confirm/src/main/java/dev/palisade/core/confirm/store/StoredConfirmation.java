package dev.palisade.core.confirm.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of {@code confirm_requests}.
 *
 * @param body      the MPLP Confirm object as the API answers it
 * @param status    {@code result.status}, kept in its own column for filters and the expiry sweep
 * @param expiresAt when a pending request expires
 */
public record StoredConfirmation(ObjectNode body, String status, Instant expiresAt) {

    /** @return the confirmation's id */
    public String id() {
        return body.path("id").asText();
    }

    /** @return whether it is still pending but past its expiry at {@code now} */
    public boolean dueAt(Instant now) {
        return "pending".equals(status) && !expiresAt.isAfter(now);
    }
}
