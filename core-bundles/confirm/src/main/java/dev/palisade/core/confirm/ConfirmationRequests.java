package dev.palisade.core.confirm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.store.StoredConfirmation;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;
import dev.palisade.protocol.Violation;

/**
 * New confirmation requests as clients send them: checked and completed by the host. The client leaves
 * out {@code result}, {@code created_at} and {@code expires_at} (the host sets them) and may leave out
 * {@code id} (the host picks a random UUID). The request must match the MPLP Confirm schema, list at
 * least one approver, each once, and may set its lifetime in {@code criteria.thresholds.expires_in}
 * (whole seconds, 1 to {@value #MAX_EXPIRES_IN}; default {@link #DEFAULT_EXPIRY}). Stateless.
 */
final class ConfirmationRequests {

    /** How long a request stays pending when it does not say. */
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    /** The longest lifetime a request may ask for: 30 days, in seconds. */
    static final long MAX_EXPIRES_IN = 30L * 24 * 3600;

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final List<String> HOST_OWNED = List.of("result", "created_at", "expires_at");

    private ConfirmationRequests() {
    }

    /**
     * @param request the client's object
     * @param what    how messages name it ({@code "the confirmation"})
     * @return a copy with {@code id} filled in when it was missing
     * @throws HostProblem 400 {@code schema-violation} listing every broken schema or module rule
     */
    static ObjectNode accept(JsonNode request, String what) {
        if (!request.isObject()) {
            throw ProtocolProblems.invalid(what + " is refused", "", "type", "a confirmation is a JSON object");
        }
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        List<Violation> found = new ArrayList<>();
        for (String field : HOST_OWNED) {
            if (copy.has(field)) {
                found.add(new Violation("/" + field, "host-owned",
                        "'" + field + "' is set by the host; leave it out of the request"));
            }
        }
        if (!copy.has("id")) {
            copy.put("id", UUID.randomUUID().toString());
        }
        found.addAll(MplpSchemas.bundled().violations("confirm", copy));
        found.addAll(moduleRules(copy));
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid(what + " is refused", found);
        }
        return copy;
    }

    /** @return the accepted request stored as pending from {@code now} until its expiry */
    static StoredConfirmation pending(ObjectNode accepted, Instant now) {
        JsonNode expiresIn = accepted.path("criteria").path("thresholds").path("expires_in");
        Instant expiresAt = now.plus(expiresIn.isMissingNode() ? DEFAULT_EXPIRY
                : Duration.ofSeconds(expiresIn.asLong()));
        ObjectNode body = ConfirmationResults.pending(accepted, now);
        body.put("created_at", Timestamps.text(now));
        body.put("expires_at", Timestamps.text(expiresAt));
        return new StoredConfirmation(body, "pending", expiresAt);
    }

    private static List<Violation> moduleRules(ObjectNode request) {
        List<Violation> found = new ArrayList<>();
        JsonNode approvers = request.path("approvers");
        if (approvers.isMissingNode()) {
            found.add(new Violation("/approvers", "required",
                    "list at least one approver ({id, type, required}) who may decide"));
        } else if (approvers.isArray() && approvers.isEmpty()) {
            found.add(new Violation("/approvers", "minItems", "list at least one approver who may decide"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < approvers.size(); i++) {
            String id = approvers.path(i).path("id").asText(null);
            if (id != null && !seen.add(id)) {
                found.add(new Violation("/approvers/" + i + "/id", "unique",
                        "approver " + id + " is listed twice; list each approver once"));
            }
        }
        JsonNode expiresIn = request.path("criteria").path("thresholds").path("expires_in");
        boolean wholeSeconds = expiresIn.canConvertToExactIntegral() && expiresIn.canConvertToLong();
        if (!expiresIn.isMissingNode()
                && (!wholeSeconds || expiresIn.asLong() < 1 || expiresIn.asLong() > MAX_EXPIRES_IN)) {
            found.add(new Violation("/criteria/thresholds/expires_in", "range",
                    "the lifetime is whole seconds from 1 to " + MAX_EXPIRES_IN + " (30 days); was " + expiresIn));
        }
        return found;
    }
}
