package dev.palisade.host.bridge;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The protocol modules' lifecycle events, delivered to hook extensions: registered by the extension
 * module. Event names are {@code <module>.<operation>} ({@code context.create}, {@code plan.update},
 * {@code task.execute}, {@code confirmation.decide}, ...). Thread-safe.
 */
@ProviderType
public interface LifecycleHooks {

    /**
     * Runs the before-hooks subscribed to {@code event}, one after another in name order, each within its
     * time budget; a hook that fails or runs over its budget is skipped (and counted against it), never
     * blocks the operation.
     *
     * @param payload the object the operation is about, as plain JSON values
     * @return the first veto, or the payload as amended by the hooks
     */
    HookVerdict before(String event, Map<String, Object> payload);

    /**
     * Tells the after-hooks subscribed to {@code event} that the operation happened. Returns at once; the
     * hooks run on their own executors.
     */
    void after(String event, Map<String, Object> payload);
}
