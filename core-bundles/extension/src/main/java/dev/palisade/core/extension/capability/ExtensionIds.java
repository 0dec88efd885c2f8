package dev.palisade.core.extension.capability;

/** The rule for extension ids used as folder names. Stateless. */
final class ExtensionIds {

    private static final int MAX_LENGTH = 128;

    private ExtensionIds() {
    }

    /**
     * @return {@code id}, if it can name a folder: 1 to 128 letters, digits, '.', '_' or '-', starting
     *         with a letter or digit (every MPLP uuid does)
     * @throws IllegalArgumentException otherwise
     */
    static String requireSafe(String id) {
        if (!safe(id)) {
            throw new IllegalArgumentException("extension id " + (id == null ? "null" : "\"" + LogText.escape(id, 200)
                    + "\"") + " cannot name a data folder; ids are 1 to 128 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit, as MPLP uuids are");
        }
        return id;
    }

    /** The rule {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}, checked character by character: it runs on every call. */
    private static boolean safe(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !letterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
