package dev.palisade.sandbox.stage;

import java.util.Optional;

/** Decides whether a zip entry name is a safe, relative, forward-slash path. Stateless. */
final class EntryNames {

    private EntryNames() {
    }

    /**
     * @param name an entry name as read from the archive
     * @return why the name is unsafe, or empty if it is safe
     */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0') {
                return Optional.of("it contains a NUL character");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("it contains the control character " + String.format("U+%04X", (int) c));
            }
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("it contains a backslash (zip entry names separate folders with '/')");
        }
        if (name.startsWith("/")) {
            return Optional.of("it is an absolute path");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return Optional.of("it starts with a drive letter");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("it climbs out of its folder with \"..\"");
            }
        }
        return Optional.empty();
    }

    /** @return the name in double quotes, with control characters escaped, for messages */
    static String quote(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '"') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
