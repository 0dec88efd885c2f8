package dev.palisade.core.confirm;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.Transitions;

/**
 * When a confirmation is settled by its approvers' decisions: any rejection rejects; otherwise it is
 * approved once every approver marked {@code required: true} approved, or, when none is marked required,
 * once any one listed approver approved; until then it stays pending. Stateless.
 */
final class ApprovalRule {

    /** The moves of {@code result.status}: pending is the only state that moves. */
    static final Transitions STATUS = Transitions.of("status")
            .allow("pending", "approved", "rejected", "expired").build();

    private ApprovalRule() {
    }

    /**
     * @param approvers the confirmation's {@code approvers} array
     * @param decisions its {@code result.decisions} array, the new decision included
     * @return {@code pending}, {@code approved} or {@code rejected}
     */
    static String statusOf(JsonNode approvers, JsonNode decisions) {
        Set<String> approvedBy = new HashSet<>();
        for (JsonNode d : decisions) {
            if ("rejected".equals(d.path("decision").asText())) {
                return "rejected";
            }
            if (d.hasNonNull("approver_id")) {
                approvedBy.add(d.get("approver_id").asText());
            }
        }
        Set<String> required = new HashSet<>();
        for (JsonNode a : approvers) {
            if (a.path("required").asBoolean(false)) {
                required.add(a.path("id").asText());
            }
        }
        boolean settled = required.isEmpty() ? !approvedBy.isEmpty() : approvedBy.containsAll(required);
        return settled ? "approved" : "pending";
    }
}
