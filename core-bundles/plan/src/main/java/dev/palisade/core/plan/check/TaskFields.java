package dev.palisade.core.plan.check;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.Violation;

/** The rules for one task's fields; see {@link PlanRules}. Stateless. */
final class TaskFields {

    private TaskFields() {
    }

    static void check(JsonNode task, String at, List<Violation> out) {
        String name = task.path("name").asText();
        JsonNode duration = task.get("estimated_duration");
        if (duration != null && duration.isTextual()) {
            try {
                TaskDurations.parse(duration.asText());
            } catch (IllegalArgumentException e) {
                out.add(new Violation(at + "/estimated_duration", "duration", e.getMessage()));
            }
        }
        requireType(task, "extension", JsonNode::isTextual, "a string (an extension id or name)", at, out);
        requireType(task, "method", JsonNode::isTextual, "a string (a method of the extension)", at, out);
        requireType(task, "input", JsonNode::isObject, "an object (the method's input)", at, out);
        requireType(task, "approval", JsonNode::isObject, "an object", at, out);
        requireType(task, "requires_approval", JsonNode::isBoolean, "true or false", at, out);
        requireType(task, "condition", n -> n.isTextual() || n.isObject(), "a string or an object", at, out);
        requireType(task, "rollback", JsonNode::isObject, "an object naming a method", at, out);
        if (task.has("extension") && !task.has("method")) {
            out.add(new Violation(at + "/method", "required", "task '" + name + "' names the extension '"
                    + task.get("extension").asText() + "' but no method; name the method to invoke"));
        }
        JsonNode rollback = task.get("rollback");
        if (rollback != null && rollback.isObject() && !rollback.path("method").isTextual()) {
            out.add(new Violation(at + "/rollback/method", "required", "task '" + name
                    + "' has a rollback without a method; name the method that undoes the task"));
        }
    }

    private static void requireType(JsonNode task, String field, java.util.function.Predicate<JsonNode> ok,
            String expected, String at, List<Violation> out) {
        JsonNode value = task.get(field);
        if (value != null && !ok.test(value)) {
            out.add(new Violation(at + "/" + field, "type", "'" + field + "' must be " + expected));
        }
    }
}
