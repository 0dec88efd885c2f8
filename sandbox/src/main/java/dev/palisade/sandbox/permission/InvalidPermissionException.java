package dev.palisade.sandbox.permission;

/**
 * A permission request or grant that cannot be understood: an unknown kind, a never-granted kind, or
 * a target in the wrong form. The message says what is wrong and what a valid one looks like.
 */
public class InvalidPermissionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to write instead */
    public InvalidPermissionException(String message) {
        super(message);
    }
}
