package dev.palisade.sandbox.permission;

/**
 * The port part of a {@link NetConnectPermission}: one port ({@code 443}), a range
 * ({@code 8000-8099}) or any port ({@code *}).
 *
 * @param low  lowest port, 1..65535
 * @param high highest port, {@code low}..65535
 */
public record PortRange(int low, int high) {

    public PortRange {
        if (low < 1 || high > 65535 || low > high) {
            throw new InvalidPermissionException((low == high ? "port " + low : "port range " + low + "-" + high)
                    + " is not within 1-65535");
        }
    }

    /** @throws InvalidPermissionException if {@code text} is not a port, a range or {@code *} */
    public static PortRange parse(String text) {
        if (text.equals("*")) {
            return new PortRange(1, 65535);
        }
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                int port = port(text);
                return new PortRange(port, port);
            }
            return new PortRange(port(text.substring(0, dash)), port(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidPermissionException("port \"" + text + "\" is not a number from 1 to 65535, a range "
                    + "such as 8000-8099, or *");
        }
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,5}")) {
            throw new NumberFormatException(text);
        }
        return Integer.parseInt(text);
    }

    /** @return whether {@code port} lies in this range */
    public boolean contains(int port) {
        return port >= low && port <= high;
    }

    @Override
    public String toString() {
        if (low == 1 && high == 65535) {
            return "*";
        }
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}
