package dev.palisade.api.extension;

import java.util.Objects;

/**
 * The root of every error an extension reports to its caller. Unchecked, so entry classes can
 * throw it from anywhere; subclasses carry structured data.
 *
 * <p>The {@linkplain #code() code} is a short machine-readable word (for example
 * {@code invalid_input}) that the host passes on unchanged in its error response; the message is
 * for a person.
 */
public class ExtensionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    a short machine-readable error code, such as {@code upstream_unavailable}
     * @param message what went wrong, for a person
     */
    public ExtensionException(String code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    a short machine-readable error code
     * @param message what went wrong, for a person
     * @param cause   the underlying failure, or {@code null}
     */
    public ExtensionException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the machine-readable error code */
    public String code() {
        return code;
    }
}
