package dev.palisade.core.confirm;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.confirm.signing.DecisionStatement;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Violation;

/**
 * The body of {@code POST /confirmations/{id}/decide}: {@code {"approver_id": uuid, "decision":
 * "approved"|"rejected", "comments": string (optional), "signature": base64}}, the signature being the
 * approver's over {@link DecisionStatement}.
 *
 * @param approverId the deciding approver
 * @param decision   {@code approved} or {@code rejected}
 * @param comments   the comments, or {@code null}
 * @param signature  the signature as sent (base64)
 */
record DecisionRequest(String approverId, String decision, String comments, String signature) {

    /** The longest comment accepted. */
    static final int MAX_COMMENTS = 4000;

    private static final Set<String> MEMBERS = new LinkedHashSet<>(
            List.of("approver_id", "decision", "comments", "signature"));

    /**
     * @throws HostProblem 400 {@code schema-violation} listing every broken rule
     */
    static DecisionRequest parse(JsonNode body) {
        List<Violation> found = new ArrayList<>();
        RequestFields.onlyKnown(body, MEMBERS, found);
        String approver = RequestFields.requiredUuid(body, "approver_id", found);
        String decision = RequestFields.requiredText(body, "decision", 16, found);
        if (decision != null && !decision.equals("approved") && !decision.equals("rejected")) {
            found.add(new Violation("/decision", "enum", "'decision' is 'approved' or 'rejected', was '"
                    + decision + "'"));
        }
        String comments = RequestFields.optionalText(body, "comments", MAX_COMMENTS, found);
        String signature = RequestFields.requiredText(body, "signature", 1024, found);
        if (signature != null && bytesOf(signature) == null) {
            found.add(new Violation("/signature", "base64", "'signature' is not standard base64 (RFC 4648 section 4)"));
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the decision is refused", found);
        }
        return new DecisionRequest(approver, decision, comments, signature);
    }

    /** @return the statement the signature must cover */
    DecisionStatement statement(String confirmationId) {
        return new DecisionStatement(confirmationId, approverId, decision, comments);
    }

    /** @return the signature's bytes */
    byte[] signatureBytes() {
        return bytesOf(signature);
    }

    private static byte[] bytesOf(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
