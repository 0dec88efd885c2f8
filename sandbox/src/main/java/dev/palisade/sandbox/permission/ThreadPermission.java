package dev.palisade.sandbox.permission;

/** Permission to create and start threads ({@link PermissionKind#THREAD_CREATE}); it has no target. */
public final class ThreadPermission implements Permission {

    /** The only instance. */
    public static final ThreadPermission INSTANCE = new ThreadPermission();

    private ThreadPermission() {
    }

    @Override
    public PermissionKind kind() {
        return PermissionKind.THREAD_CREATE;
    }

    @Override
    public String target() {
        return "";
    }

    @Override
    public String toString() {
        return kind().id();
    }
}
