package dev.palisade.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.host.bridge.HostProblem;

/** The problems every protocol module answers with the same shape. Stateless. */
public final class ProtocolProblems {

    private ProtocolProblems() {
    }

    /**
     * @param detailStart what was refused ({@code "the plan does not match the MPLP plan schema"})
     * @return 400 {@code schema-violation} with {@code violations: [{field, rule, message}]}; the detail
     *         lists them and ends with what to do
     */
    public static HostProblem invalid(String detailStart, List<Violation> violations) {
        List<Map<String, Object>> listed = new ArrayList<>();
        StringBuilder detail = new StringBuilder(detailStart).append(": ");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("field", v.field());
            one.put("rule", v.rule());
            one.put("message", v.message());
            listed.add(one);
            detail.append(i == 0 ? "" : "; ").append(v.line());
        }
        detail.append("; fix the named fields and send it again");
        return new HostProblem(400, "schema-violation", "Invalid protocol object", detail.toString(),
                Map.of("violations", listed));
    }

    /** @return 400 {@code schema-violation} for one broken rule */
    public static HostProblem invalid(String detailStart, String field, String rule, String message) {
        return invalid(detailStart, List.of(new Violation(field, rule, message)));
    }

    /**
     * @param kind the object's kind in words ({@code "context"})
     * @return 404 {@code not-found} naming the kind and the id
     */
    public static HostProblem notFound(String kind, String id) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", kind);
        props.put("id", id);
        return new HostProblem(404, "not-found", "No such " + kind,
                "there is no " + kind + " with id '" + id + "'; list them with GET on the collection", props);
    }

    /**
     * @param kind     the object's kind in words ({@code "context"})
     * @param attempts how many times the change was made again from a newer revision
     * @return 409 {@code concurrent-update}: other writes kept coming first
     */
    public static HostProblem concurrentUpdate(String kind, String id, int attempts) {
        return new HostProblem(409, "concurrent-update", "Concurrent update", kind + " " + id
                + " kept changing while this change was applied (" + attempts + " attempts); read it again and retry",
                Map.of("id", id));
    }
}
