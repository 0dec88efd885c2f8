package dev.palisade.sandbox.permission;

import java.util.Objects;

/**
 * Permission to read a named value: a secret, an environment variable or a system property.
 *
 * @param kind {@link PermissionKind#SECRET_READ}, {@link PermissionKind#ENV_READ} or {@link PermissionKind#PROPERTY_READ}
 * @param name the name or name prefix
 */
public record NamedPermission(PermissionKind kind, NamePattern name) implements Permission {

    public NamedPermission {
        Objects.requireNonNull(name, "name");
        if (kind != PermissionKind.SECRET_READ && kind != PermissionKind.ENV_READ && kind != PermissionKind.PROPERTY_READ) {
            throw new IllegalArgumentException("not a named permission kind: " + kind);
        }
    }

    @Override
    public String target() {
        return name.pattern();
    }

    /** @return whether this permits reading {@code candidate} */
    public boolean permits(String candidate) {
        return name.matches(candidate);
    }

    @Override
    public String toString() {
        return kind.id() + " " + target();
    }
}
