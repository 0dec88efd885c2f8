package dev.palisade.samples.rulehook;

import java.util.Map;

import dev.palisade.api.extension.Hook;
import dev.palisade.api.extension.HookDecision;
import dev.palisade.api.extension.InvocationContext;

/**
 * Change management before {@code task.execute}: a task aimed at production must name its change ticket.
 * The task is the payload's {@code task} object (as the execute module sends it), or the payload itself when it
 * has none. The rule reads the task and, when present, its {@code input} object: where either says
 * {@code "target": "production"}, the same object must carry a non-blank {@code "change_ticket"}, otherwise the
 * execution is vetoed. Anything else is allowed unchanged; this hook never amends. Stateless and thread-safe.
 */
public final class RuleHook implements Hook {

    /** The target value the rule guards. */
    static final String PRODUCTION = "production";

    @Override
    public HookDecision before(String event, Map<String, Object> payload, InvocationContext context) {
        Map<?, ?> task = payload.get("task") instanceof Map<?, ?> nested ? nested : payload;
        if (breaksRule(task)) {
            return HookDecision.veto(describe(task) + " targets production without a change_ticket; add"
                    + " \"change_ticket\" naming the approved change next to \"target\"");
        }
        if (task.get("input") instanceof Map<?, ?> input && breaksRule(input)) {
            return HookDecision.veto(describe(task) + " has input targeting production without a change_ticket;"
                    + " add \"change_ticket\" naming the approved change to its input");
        }
        return HookDecision.allow();
    }

    @Override
    public void after(String event, Map<String, Object> payload, InvocationContext context) {
        // subscribed to before:task.execute only
    }

    private static boolean breaksRule(Map<?, ?> object) {
        if (!PRODUCTION.equals(object.get("target"))) {
            return false;
        }
        return !(object.get("change_ticket") instanceof String ticket) || ticket.isBlank();
    }

    private static String describe(Map<?, ?> task) {
        Object name = task.get("name");
        Object id = task.get("id");
        if (name != null) {
            return "task '" + name + "'" + (id == null ? "" : " (" + id + ")");
        }
        return id == null ? "the task" : "task " + id;
    }
}
