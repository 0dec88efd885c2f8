package dev.palisade.core.execute.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Violation;

/** Reads one plan task's engine fields, collecting what is wrong. Stateless. */
public final class TaskReader {

    private TaskReader() {
    }

    /**
     * Reads a task amended by a hook.
     *
     * @throws dev.palisade.host.bridge.HostProblem 400 {@code schema-violation} naming what the amendment broke
     */
    public static TaskSpec amended(Object task, TaskSpec original, Strategy strategy) {
        if (!(task instanceof Map<?, ?>)) {
            throw ProtocolProblems.invalid("the task as a hook amended it cannot run", "/task", "type",
                    "a hook must leave the task an object");
        }
        List<Violation> found = new ArrayList<>();
        TaskSpec read = read(PlanReader.object(task), "/task", strategy, found);
        if (!original.id().equals(read.id())) {
            found.add(new Violation("/task/id", "const", "a hook may not change the task's id " + original.id()));
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the task as a hook amended it cannot run", found);
        }
        return read;
    }

    static TaskSpec read(Map<String, Object> task, String at, Strategy strategy, List<Violation> found) {
        String extension = text(task, "extension", at, found);
        String method = text(task, "method", at, found);
        if ((task.get("extension") == null) != (task.get("method") == null)) {
            found.add(new Violation(at + (extension == null ? "/extension" : "/method"), "required",
                    "a task that calls a plugin names both extension and method; a no-op step names neither"));
        }
        Map<String, Object> input = objectField(task, "input", at, found);
        Condition condition = condition(task.get("condition"), at + "/condition", strategy, found);
        TaskSpec.Approval approval = approval(task, at, found);
        TaskSpec.Rollback rollback = rollback(task.get("rollback"), at + "/rollback", extension, found);
        return new TaskSpec(String.valueOf(task.get("id")), String.valueOf(task.get("name")), extension, method,
                input == null ? Map.of() : input, condition, approval, rollback, task);
    }

    private static Condition condition(Object raw, String at, Strategy strategy, List<Violation> found) {
        if (raw == null) {
            return null;
        }
        if (strategy != Strategy.CONDITIONAL) {
            found.add(new Violation(at, "strategy", "a condition needs workflow.execution_strategy \"conditional\", "
                    + "the plan's is \"" + strategy.protocolName() + "\""));
            return null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            found.add(new Violation(at, "type", "a condition is an object"));
            return null;
        }
        Map<String, Object> c = PlanReader.object(raw);
        String task = text(c, "task", at, found);
        if (task == null) {
            found.add(new Violation(at + "/task", "required", "a condition names the task that decides it"));
            return null;
        }
        if (c.get("status") instanceof String s && c.get("output") == null) {
            try {
                TaskStatus status = TaskStatus.valueOf(s.toUpperCase(Locale.ROOT));
                if (status.terminal()) {
                    return new Condition(task, status, null, null);
                }
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
            found.add(new Violation(at + "/status", "enum", "status must be a final task status (completed, "
                    + "failed, skipped, vetoed, cancelled), was \"" + s + "\""));
            return null;
        }
        if (c.get("output") instanceof String pointer && c.get("status") == null && c.containsKey("equals")
                && (pointer.isEmpty() || pointer.startsWith("/"))) {
            return new Condition(task, null, pointer, JsonColumns.tree(c.get("equals")));
        }
        found.add(new Violation(at, "oneOf", "a condition is {\"task\", \"status\"} or {\"task\", \"output\": "
                + "JSON Pointer, \"equals\": value}"));
        return null;
    }

    private static TaskSpec.Approval approval(Map<String, Object> task, String at, List<Violation> found) {
        Object requires = task.get("requires_approval");
        if (requires != null && !(requires instanceof Boolean)) {
            found.add(new Violation(at + "/requires_approval", "type", "requires_approval is true or false"));
        }
        Object raw = task.get("approval");
        if (raw == null) {
            return Boolean.TRUE.equals(requires) ? new TaskSpec.Approval(List.of(), Map.of()) : null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            found.add(new Violation(at + "/approval", "type", "approval is an object {approvers?, criteria?}"));
            return null;
        }
        Map<String, Object> a = PlanReader.object(raw);
        Object approvers = a.get("approvers");
        if (approvers != null && !(approvers instanceof List<?>)) {
            found.add(new Violation(at + "/approval/approvers", "type", "approvers is an array of MPLP approvers"));
        }
        Map<String, Object> criteria = objectField(a, "criteria", at + "/approval", found);
        List<Map<String, Object>> listed = new ArrayList<>();
        if (approvers instanceof List<?> l) {
            l.forEach(one -> listed.add(PlanReader.object(one)));
        }
        return new TaskSpec.Approval(listed, criteria == null ? Map.of() : criteria);
    }

    private static TaskSpec.Rollback rollback(Object raw, String at, String extension, List<Violation> found) {
        if (raw == null) {
            return null;
        }
        Map<String, Object> r = PlanReader.object(raw);
        String method = raw instanceof Map<?, ?> ? text(r, "method", at, found) : null;
        if (method == null || extension == null) {
            found.add(new Violation(at, "required", "a rollback is {\"method\", \"input\"?}, a method of the "
                    + "task's own extension; the task must name an extension"));
            return null;
        }
        Map<String, Object> input = objectField(r, "input", at, found);
        return new TaskSpec.Rollback(method, input == null ? Map.of() : input);
    }

    private static String text(Map<String, Object> holder, String field, String at, List<Violation> found) {
        Object v = holder.get(field);
        if (v == null || v instanceof String s && !s.isBlank()) {
            return (String) v;
        }
        found.add(new Violation(at + "/" + field, "type", field + " must be a non-empty string, was "
                + JsonColumns.text(v)));
        return null;
    }

    private static Map<String, Object> objectField(Map<String, Object> holder, String field, String at,
            List<Violation> found) {
        Object v = holder.get(field);
        if (v == null || v instanceof Map<?, ?>) {
            return v == null ? null : PlanReader.object(v);
        }
        found.add(new Violation(at + "/" + field, "type", field + " must be an object, was " + JsonColumns.text(v)));
        return null;
    }
}
