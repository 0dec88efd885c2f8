package dev.palisade.api.extension;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The entry class contract of a {@code hook} extension: told about the protocol modules' lifecycle events it
 * subscribes to in its descriptor's {@code interface.events}.
 *
 * <p>An event name is {@code <module>.<operation>} ({@code context.create}, {@code plan.update},
 * {@code task.execute}, {@code confirmation.decide}, ...); a subscription is {@code before:<event>} or
 * {@code after:<event>}. The host calls {@link #before} while the operation waits, on the extension's own
 * threads, within the hook's time budget ({@code implementation.configuration.hook_budget_ms}); a hook that
 * throws or runs past its budget is skipped (and counted against it, toward quarantine), never blocks the
 * operation. Before-hooks of one event run one after another in name order: the first veto ends the round,
 * an amendment is what the next hook sees. {@link #after} is called once the operation happened, without
 * anyone waiting for it. The host creates one instance per deployed version through the public no-argument
 * constructor and may call it from several threads at once, so it must be thread-safe.
 *
 * @since 1.2
 */
@ConsumerType
public interface Hook {

    /**
     * Decides whether an operation may go on.
     *
     * @param event   the event, such as {@code task.execute} (without {@code before:})
     * @param payload the object the operation is about, JSON-compatible values only; a copy the hook may keep
     * @param context facts about this call, valid only until the method returns
     * @return {@link HookDecision#allow()}, {@link HookDecision#veto(String)} or
     *         {@link HookDecision#amend(Map)}; {@code null} counts as a failure of the hook (skipped)
     */
    HookDecision before(String event, Map<String, Object> payload, InvocationContext context);

    /**
     * Learns that an operation happened. What it returns or throws changes nothing for the operation.
     *
     * @param event   the event, such as {@code plan.create} (without {@code after:})
     * @param payload the object as it was stored, JSON-compatible values only
     * @param context facts about this call, valid only until the method returns
     */
    void after(String event, Map<String, Object> payload, InvocationContext context);
}
