package dev.palisade.api.extension;

/**
 * The input passed its schema but the extension still cannot accept it. The host answers the
 * caller with a client error naming the field.
 */
public class InvalidInputException extends ExtensionException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   a JSON Pointer to the offending input field, such as {@code /text}
     * @param message what is wrong with it and what would be accepted
     */
    public InvalidInputException(String field, String message) {
        super("invalid_input", message);
        this.field = field;
    }

    /** @return a JSON Pointer to the offending input field */
    public String field() {
        return field;
    }
}
