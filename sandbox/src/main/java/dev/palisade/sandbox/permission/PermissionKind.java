package dev.palisade.sandbox.permission;

import java.util.Optional;

/**
 * The kinds of permission an extension may request and an operator may grant. {@link #id()} is the
 * form used in descriptors ({@code security.permissions[].permission}), grants and denials.
 */
public enum PermissionKind {
    /** Read a file or list a folder; target: a path glob. */
    FILE_READ("file.read", "a path glob such as /srv/shared/*.txt or reports/** (relative to the extension's data folder)"),
    /** Create, change, move or delete a file or folder; target: a path glob. */
    FILE_WRITE("file.write", "a path glob such as out/** (relative to the extension's data folder) or /var/exports/*.csv"),
    /** Open a connection to host:port, and resolve that host's name; target: host:port. */
    NET_CONNECT("net.connect", "host:port, where host may be *.example.org or * and port may be *"),
    /** Read a secret from the host's vault; target: a name. */
    SECRET_READ("secret.read", "a secret name, or a prefix ending in *"),
    /** Read an environment variable; target: a name. */
    ENV_READ("env.read", "an environment variable name, or a prefix ending in *"),
    /** Read a system property; target: a name. */
    PROPERTY_READ("property.read", "a system property name, or a prefix ending in *"),
    /** Create and start threads; no target. */
    THREAD_CREATE("thread.create", "no target");

    private final String id;
    private final String targetForm;

    PermissionKind(String id, String targetForm) {
        this.id = id;
        this.targetForm = targetForm;
    }

    /** @return the identifier used in descriptors and messages, e.g. {@code "net.connect"} */
    public String id() {
        return id;
    }

    /** @return what a target of this kind looks like, for error messages */
    public String targetForm() {
        return targetForm;
    }

    /** @return whether requests of this kind must name a target */
    public boolean takesTarget() {
        return this != THREAD_CREATE;
    }

    /** @return the kind with that identifier, if any */
    public static Optional<PermissionKind> byId(String id) {
        for (PermissionKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
