package dev.palisade.store;

/** A value handed to the store is missing or does not fit its column; names the field. */
public class StoreInputException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public StoreInputException(String field, String message) {
        super("[" + field + "] " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /**
     * @return {@code value}, checked to be non-blank and at most {@code max} characters
     * @throws StoreInputException naming {@code field} otherwise
     */
    public static String require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new StoreInputException(field, "is required");
        }
        return limit(field, value, max);
    }

    /** @return {@code value} (may be null), checked to be at most {@code max} characters */
    public static String limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new StoreInputException(field, "is " + value.length() + " characters long, at most " + max
                    + " fit");
        }
        return value;
    }
}
