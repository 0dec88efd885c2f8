package dev.palisade.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.host.bridge.HookVerdict;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;

/**
 * A module's lifecycle events through the optional {@link LifecycleHooks} service: without the service
 * (no extension module, or it is restarting) every operation proceeds unchanged and no after-event is
 * sent. Stateless; thread-safe.
 */
public final class HookGate {

    private HookGate() {
    }

    /**
     * Runs the before-hooks of {@code event}.
     *
     * @param hooks   the service, or {@code null} when none is registered
     * @param what    the object in words for the veto's message ({@code "context 1234"})
     * @param payload the object as plain JSON values
     * @return the payload as amended by the hooks (the caller validates it again), or {@code payload} itself
     *         when no hook amended it or there is no service
     * @throws HostProblem 409 {@code vetoed-by-hook} with {@code event}, {@code hook} and {@code reason}
     */
    public static Map<String, Object> before(LifecycleHooks hooks, String event, String what,
            Map<String, Object> payload) {
        if (hooks == null) {
            return payload;
        }
        HookVerdict verdict = hooks.before(event, payload);
        if (verdict.vetoed()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("event", event);
            props.put("hook", verdict.hook());
            props.put("reason", verdict.reason());
            throw new HostProblem(409, "vetoed-by-hook", "Vetoed by a hook",
                    "the hook extension '" + verdict.hook() + "' vetoed " + event + " of " + what + ": "
                            + verdict.reason() + "; change the request so that the hook's rule holds, or remove"
                            + " the hook",
                    props);
        }
        return verdict.payload() == null ? payload : verdict.payload();
    }

    /** Tells the after-hooks of {@code event}; does nothing when {@code hooks} is {@code null}. */
    public static void after(LifecycleHooks hooks, String event, Map<String, Object> payload) {
        if (hooks != null) {
            hooks.after(event, payload);
        }
    }
}
