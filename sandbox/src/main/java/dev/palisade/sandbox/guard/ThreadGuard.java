package dev.palisade.sandbox.guard;

import dev.palisade.sandbox.permission.PermissionKind;
import dev.palisade.sandbox.policy.DecisionPoint;

/**
 * Check woven before creating or starting a thread ({@code new Thread}, {@code Thread.start},
 * {@code Thread.ofPlatform}, {@code Thread.ofVirtual}, {@code Thread.startVirtualThread}).
 * Called only by woven code; thread-safe.
 */
public final class ThreadGuard {

    private ThreadGuard() {
    }

    /** Requires thread.create. */
    public static void create(String extension) {
        if (!DecisionPoint.grants(extension).mayCreateThreads()) {
            throw DecisionPoint.deny(extension, PermissionKind.THREAD_CREATE.id(), "");
        }
    }
}
