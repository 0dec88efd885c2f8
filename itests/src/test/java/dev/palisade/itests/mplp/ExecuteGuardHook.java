package dev.palisade.itests.mplp;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.api.extension.Hook;
import dev.palisade.api.extension.HookDecision;
import dev.palisade.api.extension.InvocationContext;

/**
 * The execute tests' hook on {@code before:task.execute}: vetoes a task whose name starts with
 * {@code forbidden}; amends a task whose input holds {@code "amend_text"} into one whose input is
 * {@code {"text": <that text>}}; lets every other task through unchanged.
 */
public final class ExecuteGuardHook implements Hook {

    @Override
    public HookDecision before(String event, Map<String, Object> payload, InvocationContext context) {
        Map<?, ?> task = (Map<?, ?>) payload.get("task");
        if (String.valueOf(task.get("name")).startsWith("forbidden")) {
            return HookDecision.veto("forbidden tasks never run");
        }
        if (task.get("input") instanceof Map<?, ?> input && input.get("amend_text") instanceof String text) {
            Map<String, Object> amendedTask = new LinkedHashMap<>();
            task.forEach((k, v) -> amendedTask.put((String) k, v));
            amendedTask.put("input", Map.of("text", text));
            Map<String, Object> amended = new LinkedHashMap<>(payload);
            amended.put("task", amendedTask);
            return HookDecision.amend(amended);
        }
        return HookDecision.allow();
    }

    @Override
    public void after(String event, Map<String, Object> payload, InvocationContext context) {
        // subscribed to before:task.execute only
    }
}
