package dev.palisade.sandbox.guard;

import dev.palisade.sandbox.permission.PermissionKind;
import dev.palisade.sandbox.policy.DecisionPoint;

/**
 * Checks woven before reading system properties ({@code System.getProperty},
 * {@code Integer.getInteger}, {@code Long.getLong}, {@code Boolean.getBoolean}) and environment
 * variables ({@code System.getenv(name)}). A {@code null} name is let through: the JDK call then
 * fails as it would anyway. Called only by woven code; thread-safe.
 */
public final class SystemGuard {

    private SystemGuard() {
    }

    /** Requires property.read for {@code name}. */
    public static void property(String name, String extension) {
        if (name != null && !DecisionPoint.grants(extension).mayReadNamed(PermissionKind.PROPERTY_READ, name)) {
            throw DecisionPoint.deny(extension, PermissionKind.PROPERTY_READ.id(), name);
        }
    }

    /** Requires env.read for {@code name}. */
    public static void env(String name, String extension) {
        if (name != null && !DecisionPoint.grants(extension).mayReadNamed(PermissionKind.ENV_READ, name)) {
            throw DecisionPoint.deny(extension, PermissionKind.ENV_READ.id(), name);
        }
    }
}
