package dev.palisade.core.extension.deploy;

/**
 * Compares extension versions as the descriptor writes them ({@code major.minor[.micro]}, missing parts
 * are 0). Anything after the numeric parts (a qualifier) is ignored: two jars whose numbers are equal
 * have the same version. Stateless.
 */
public final class Versions {

    private Versions() {
    }

    /** @return negative, zero or positive as {@code a} is lower than, equal to or higher than {@code b} */
    public static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long[] parse(String version) {
        long[] parts = new long[3];
        String[] tokens = version.split("[.-]", 4);
        for (int i = 0; i < 3 && i < tokens.length; i++) {
            try {
                parts[i] = Long.parseLong(tokens[i]);
            } catch (NumberFormatException e) {
                break;
            }
        }
        return parts;
    }
}
