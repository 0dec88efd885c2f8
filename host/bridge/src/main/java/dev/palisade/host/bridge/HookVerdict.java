package dev.palisade.host.bridge;

import java.util.Map;

/**
 * What the before-hooks of one event decided.
 *
 * @param vetoed   whether a hook vetoed the operation
 * @param hook     the name of the vetoing hook extension, or {@code null}
 * @param reason   the veto's reason as the hook gave it, or {@code null}
 * @param payload  the payload after every hook's amendments (the input unchanged when none amended it)
 */
public record HookVerdict(boolean vetoed, String hook, String reason, Map<String, Object> payload) {
}
