package dev.palisade.core.extension.capability;

import java.util.regex.Pattern;

/** The rule for extension ids used as folder names. Stateless. */
final class ExtensionIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ExtensionIds() {
    }

    /**
     * @return {@code id}, if it can name a folder: 1 to 128 letters, digits, '.', '_' or '-', starting
     *         with a letter or digit (every MPLP uuid does)
     * @throws IllegalArgumentException otherwise
     */
    static String requireSafe(String id) {
        if (id == null || !SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("extension id " + (id == null ? "null" : "\"" + LogText.escape(id, 200)
                    + "\"") + " cannot name a data folder; ids are 1 to 128 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit, as MPLP uuids are");
        }
        return id;
    }
}
