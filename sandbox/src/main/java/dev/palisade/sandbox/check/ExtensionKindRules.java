package dev.palisade.sandbox.check;

import static dev.palisade.sandbox.check.SchemaProblems.line;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Palisade rules for the interface of a {@code hook}, {@code policy} or {@code adapter} descriptor: it
 * lists what it answers in {@code interface.events} and has no plugin methods. A hook lists
 * {@code before:<module>.<operation>} or {@code after:<module>.<operation>}; a policy lists questions
 * {@code <area>.<question>}; an adapter lists {@code export:<object type>}. Thread-safe.
 */
final class ExtensionKindRules {

    /** The kinds whose interface is a list of events, with the form of one entry and an example. */
    private static final Map<String, Pattern> EVENT_FORMS = Map.of(
            "hook", Pattern.compile("(before|after):[a-z][a-z_]*(\\.[a-z][a-z_]*)+"),
            "policy", Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+"),
            "adapter", Pattern.compile("export:[a-z][a-z_]*"));
    private static final Map<String, String> EXAMPLES = Map.of(
            "hook", "\"before:task.execute\" or \"after:plan.create\"",
            "policy", "\"confirmation.auto_decide\" or \"plan.quality_gate\"",
            "adapter", "\"export:plan\"");

    private ExtensionKindRules() {
    }

    private static String article(String type) {
        return (type.startsWith("a") ? "an " : "a ") + type;
    }

    /** @return whether {@code type} is a kind these rules check (and not a plugin) */
    static boolean covers(String type) {
        return EVENT_FORMS.containsKey(type);
    }

    /** Adds the broken rules of an event-kind interface to {@code problems}. */
    static void check(String type, JsonNode iface, List<String> problems) {
        JsonNode events = iface.get("events");
        if (events == null || events.isEmpty()) {
            problems.add(line("/interface/events", "palisade:events-required", article(type) + " lists what it"
                    + " answers, such as " + EXAMPLES.get(type)));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < events.size(); i++) {
                String event = events.get(i).asText();
                String pointer = "/interface/events/" + i;
                if (!EVENT_FORMS.get(type).matcher(event).matches()) {
                    problems.add(line(pointer, "palisade:event-name", "\"" + event + "\" is not what " + article(type)
                            + " lists; write entries such as " + EXAMPLES.get(type) + " (lower-case letters and"
                            + " '_')"));
                } else if (!seen.add(event)) {
                    problems.add(line(pointer, "palisade:event-unique", "\"" + event + "\" is listed twice; list"
                            + " each once"));
                }
            }
        }
        for (String field : List.of("methods", "input_schema", "output_schema")) {
            JsonNode value = iface.get(field);
            if (value != null && !value.isEmpty()) {
                problems.add(line("/interface/" + field, "palisade:plugin-only", "only a plugin has methods; "
                        + article(type) + " is called through its entry interface: remove " + field));
            }
        }
    }
}
