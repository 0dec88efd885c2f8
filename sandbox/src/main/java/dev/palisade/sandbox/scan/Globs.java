package dev.palisade.sandbox.scan;

import java.util.regex.Pattern;

/** The glob forms of the member rules, compiled to regular expressions. */
final class Globs {

    private Globs() {
    }

    /** Owner globs: {@code *} within a segment, {@code **} across segments, {@code |} between alternatives. */
    static Pattern owner(String glob) {
        return compile(glob, "[^/]*", ".*");
    }

    /** Name globs: {@code *} any characters, {@code |} between alternatives (not used for descriptors). */
    static Pattern name(String glob) {
        return compile(glob, ".*", ".*");
    }

    /** @return whether a glob alternative has no wildcard, so it can be compared as a string */
    static boolean isLiteral(String alternative) {
        return alternative.indexOf('*') < 0;
    }

    /** @return the part of a glob alternative before its first wildcard, which every match starts with */
    static String literalPrefix(String alternative) {
        int star = alternative.indexOf('*');
        return star < 0 ? alternative : alternative.substring(0, star);
    }

    /** Descriptor globs: {@code *} any characters. */
    static Pattern descriptor(String glob) {
        return Pattern.compile(translate(glob, ".*", ".*"));
    }

    private static Pattern compile(String glob, String star, String doubleStar) {
        StringBuilder regex = new StringBuilder();
        for (String alternative : glob.split("\\|")) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append("(?:").append(translate(alternative, star, doubleStar)).append(')');
        }
        return Pattern.compile(regex.toString());
    }

    private static String translate(String glob, String star, String doubleStar) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(doubleStar);
                i++;
            } else {
                regex.append(star);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
