package dev.palisade.sandbox.permission;

/**
 * A name, or a name prefix written with a trailing {@code *} ({@code "palisade.*"}); a lone
 * {@code *} matches every name. Names are case-sensitive.
 *
 * @param pattern the pattern as written
 */
public record NamePattern(String pattern) {

    public NamePattern {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidPermissionException("a name is empty");
        }
    }

    static NamePattern parse(PermissionKind kind, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '=') {
                throw new InvalidPermissionException("permission [" + kind.id() + "] target \"" + text
                        + "\" contains a space, control character or '='; give " + kind.targetForm());
            }
            if (c == '*' && i != text.length() - 1) {
                throw new InvalidPermissionException("permission [" + kind.id() + "] target \"" + text
                        + "\" has '*' before its end; '*' may only end a name prefix, as in app.*");
            }
        }
        return new NamePattern(text);
    }

    /** @return whether {@code name} equals this name or starts with this prefix */
    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        if (pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(name);
    }
}
