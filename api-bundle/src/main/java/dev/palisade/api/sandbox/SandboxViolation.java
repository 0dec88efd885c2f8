package dev.palisade.api.sandbox;

import java.util.Objects;

/**
 * Thrown when an extension attempts something it was not granted. The host's guards throw it at
 * the call that was denied, before anything happened; the operation was not performed.
 *
 * <p>Catching it does not hide the attempt: the host records every violation before throwing,
 * and counts them against the extension.
 *
 * <p>The message is built only when asked for, in the form
 * {@code extension [x], permission [net.connect], target [evil.example:443]}.
 */
public final class SandboxViolation extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final String extension;
    private final String permission;
    private final String target;

    /**
     * @param extension  the id of the extension that attempted the access
     * @param permission the permission the access needs, e.g. {@code "file.read"} or a never-granted
     *                   category such as {@code "reflection"}
     * @param target     what was accessed, e.g. a resolved path or {@code host:port}; may be empty
     */
    public SandboxViolation(String extension, String permission, String target) {
        this.extension = Objects.requireNonNull(extension, "extension");
        this.permission = Objects.requireNonNull(permission, "permission");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** @return the id of the extension that attempted the access */
    public String extension() {
        return extension;
    }

    /** @return the permission the attempted access needs */
    public String permission() {
        return permission;
    }

    /** @return what was accessed; empty when the permission has no target */
    public String target() {
        return target;
    }

    @Override
    public String getMessage() {
        return "extension [" + extension + "], permission [" + permission + "], target [" + target + "]";
    }
}
