package dev.palisade.api.extension;

/** The extension was asked for a method it does not implement. */
public class UnknownMethodException extends ExtensionException {
    private static final long serialVersionUID = 1L;

    private final String method;

    /** @param method the method name that was asked for */
    public UnknownMethodException(String method) {
        super("unknown_method", "no method named '" + method + "'");
        this.method = method;
    }

    /** @return the method name that was asked for */
    public String method() {
        return method;
    }
}
