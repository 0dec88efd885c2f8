package dev.palisade.core.confirm;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.store.StoredConfirmation;
import dev.palisade.protocol.Timestamps;
import dev.palisade.web.Json;

/**
 * The host-owned {@code result} of a confirmation: {@code status}, {@code decisions} (signed approver
 * decisions and policy decisions, oldest first), {@code comments}, {@code timestamp} (of the last
 * change) and {@code signature} (of the decision that settled it, when one did). Each method returns a
 * new row; the given one is never modified. Stateless.
 */
final class ConfirmationResults {

    private ConfirmationResults() {
    }

    /** @return {@code body} with a fresh pending result; {@code body} itself is left as it was */
    static ObjectNode pending(ObjectNode body, Instant now) {
        ObjectNode copy = body.deepCopy();
        ObjectNode result = copy.putObject("result");
        result.put("status", "pending");
        result.putArray("decisions");
        result.putArray("comments");
        result.put("timestamp", Timestamps.text(now));
        return copy;
    }

    /** @return the row marked {@code expired} at {@code now}, its decisions kept */
    static StoredConfirmation expired(StoredConfirmation row, Instant now) {
        ObjectNode copy = row.body().deepCopy();
        ObjectNode result = (ObjectNode) copy.get("result");
        result.put("status", "expired");
        result.put("timestamp", Timestamps.text(now));
        return new StoredConfirmation(copy, "expired", row.expiresAt());
    }

    /**
     * @param decision a signed decision record to append to {@code result.decisions}
     * @param comment  a comment record to append to {@code result.comments}, or {@code null}
     * @return the row with the decision recorded and its status as {@link ApprovalRule} says; when that
     *         settles it, {@code result.signature} is the decision's signature
     */
    static StoredConfirmation decided(StoredConfirmation row, ObjectNode decision, ObjectNode comment,
            Instant now) {
        ObjectNode copy = recorded(row.body(), decision, comment, now);
        String status = ApprovalRule.statusOf(copy.path("approvers"), copy.path("result").path("decisions"));
        ObjectNode result = (ObjectNode) copy.get("result");
        result.put("status", status);
        if (!"pending".equals(status)) {
            result.put("signature", decision.path("signature").asText());
        }
        return new StoredConfirmation(copy, status, row.expiresAt());
    }

    /** @return the row approved by a policy's decision record, whatever the approvers said */
    static StoredConfirmation approvedByPolicy(StoredConfirmation row, ObjectNode decision, Instant now) {
        ObjectNode copy = recorded(row.body(), decision, null, now);
        ((ObjectNode) copy.get("result")).put("status", "approved");
        return new StoredConfirmation(copy, "approved", row.expiresAt());
    }

    /** @return the row with {@code comment} appended to {@code result.comments} */
    static StoredConfirmation commented(StoredConfirmation row, ObjectNode comment, Instant now) {
        ObjectNode copy = row.body().deepCopy();
        ObjectNode result = (ObjectNode) copy.get("result");
        ((ArrayNode) result.get("comments")).add(comment);
        result.put("timestamp", Timestamps.text(now));
        return new StoredConfirmation(copy, row.status(), row.expiresAt());
    }

    private static ObjectNode recorded(ObjectNode body, ObjectNode decision, ObjectNode comment, Instant now) {
        ObjectNode copy = body.deepCopy();
        ObjectNode result = (ObjectNode) copy.get("result");
        ((ArrayNode) result.get("decisions")).add(decision);
        if (comment != null) {
            ((ArrayNode) result.get("comments")).add(comment);
        }
        result.put("timestamp", Timestamps.text(now));
        return copy;
    }

    /** @return the comment record {@code {by, text, at}} */
    static ObjectNode comment(String by, String text, Instant now) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("by", by);
        c.put("text", text);
        c.put("at", Timestamps.text(now));
        return c;
    }
}
