package dev.palisade.sandbox.permission;

/**
 * One permission with its target, as requested in a descriptor or granted by the operator.
 * Immutable; equal permissions have equal {@link #kind()} and {@link #target()}.
 */
public sealed interface Permission permits FilePermission, NetConnectPermission, NamedPermission, ThreadPermission {

    /** @return what kind of access this permits */
    PermissionKind kind();

    /** @return the target in its canonical written form; empty for {@link PermissionKind#THREAD_CREATE} */
    String target();

    /**
     * Parses one permission.
     *
     * @param kindId the kind's identifier, e.g. {@code "file.read"}
     * @param target the target, or {@code null} when the kind takes none
     * @throws InvalidPermissionException naming what is wrong: an unknown or never-granted kind, a
     *                                    missing, superfluous or malformed target
     */
    static Permission parse(String kindId, String target) {
        if (kindId == null || kindId.isEmpty()) {
            throw new InvalidPermissionException("no permission kind given; use one of " + Permissions.kindList());
        }
        PermissionKind kind = PermissionKind.byId(kindId).orElseThrow(() -> Permissions.unknownKind(kindId));
        if (!kind.takesTarget()) {
            if (target != null && !target.isEmpty()) {
                throw new InvalidPermissionException("permission [" + kindId + "] takes no target; remove \""
                        + target + "\"");
            }
            return ThreadPermission.INSTANCE;
        }
        if (target == null || target.isEmpty()) {
            throw new InvalidPermissionException("permission [" + kindId + "] needs a target: " + kind.targetForm());
        }
        switch (kind) {
            case FILE_READ:
            case FILE_WRITE:
                return new FilePermission(kind, PathGlob.parse(target));
            case NET_CONNECT:
                return NetConnectPermission.parse(target);
            default:
                return new NamedPermission(kind, NamePattern.parse(kind, target));
        }
    }
}
