package dev.palisade.core.extension.capability;

/**
 * Makes text from an extension safe for one line of the host's log: control characters, line and
 * paragraph separators and bidirectional formatting characters are written as escapes
 * ({@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}), a backslash is doubled so an escape
 * cannot be forged, and long text is cut with a note of how much was left out. Stateless.
 */
public final class LogText {

    private LogText() {
    }

    /**
     * @param text     any text; {@code null} is written as {@code null}
     * @param maxChars how many characters of {@code text} to keep at most
     * @return one line without control characters
     */
    public static String escape(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        int kept = Math.min(text.length(), maxChars);
        if (kept < text.length() && kept > 0 && Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        StringBuilder line = new StringBuilder(kept + 16);
        for (int i = 0; i < kept; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (kept < text.length()) {
            line.append("... (").append(text.length() - kept).append(" more characters)");
        }
        return line.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
