package dev.palisade.core.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Violation;

/**
 * The body of {@code POST /plans/{id}/execute}: {@code {context_id, agent_id?, mode?}}. {@code context_id} and
 * {@code agent_id} are uuids; {@code mode} may only be {@code async} (every execution runs in the background
 * and the call answers at once). Immutable.
 *
 * @param contextId the context the execution runs in
 * @param agentId   the requesting agent, or {@code null}
 */
record StartRequest(String contextId, String agentId) {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Set<String> FIELDS = Set.of("context_id", "agent_id", "mode");

    /** @throws dev.palisade.host.bridge.HostProblem 400 {@code schema-violation} naming each bad field */
    static StartRequest read(Map<String, Object> body) {
        List<Violation> found = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                found.add(new Violation("/" + field, "additionalProperties", "unknown field; an execute request "
                        + "holds context_id, agent_id and mode"));
            }
        }
        String context = uuid(body, "context_id", true, found);
        String agent = uuid(body, "agent_id", false, found);
        Object mode = body.get("mode");
        if (mode != null && !"async".equals(mode)) {
            found.add(new Violation("/mode", "enum", "mode may only be \"async\", was " + JsonColumns.text(mode)));
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the execute request is invalid", found);
        }
        return new StartRequest(context, agent);
    }

    private static String uuid(Map<String, Object> body, String field, boolean required, List<Violation> found) {
        Object v = body.get(field);
        if (v == null) {
            if (required) {
                found.add(new Violation("", "required", field + " is required: the id of the context to run in"));
            }
            return null;
        }
        if (v instanceof String s && UUID.matcher(s).matches()) {
            return s;
        }
        found.add(new Violation("/" + field, "format", field + " must be a uuid, was " + JsonColumns.text(v)));
        return null;
    }
}
