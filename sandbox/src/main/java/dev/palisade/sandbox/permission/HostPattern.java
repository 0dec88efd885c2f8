package dev.palisade.sandbox.permission;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The host part of a {@link NetConnectPermission}: a host name ({@code api.example.org}), a
 * wildcard for the sub-domains of a name ({@code *.example.org}, which does not match
 * {@code example.org} itself), any host ({@code *}), or an address literal ({@code 127.0.0.1},
 * {@code [::1]}). Names compare case-insensitively; a wildcard never matches an address literal.
 *
 * @param pattern the canonical form: lower case, IPv6 in brackets and fully expanded
 */
public record HostPattern(String pattern) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public HostPattern {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @throws InvalidPermissionException if {@code text} is none of the accepted forms
     */
    public static HostPattern parse(String text) {
        String host = text.toLowerCase(Locale.ROOT);
        if (host.equals("*")) {
            return new HostPattern(host);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            String v6 = Ipv6.expand(host.substring(1, host.length() - 1));
            if (v6 == null) {
                throw invalid(text, "is not an IPv6 address");
            }
            return new HostPattern("[" + v6 + "]");
        }
        if (host.contains(":")) {
            throw invalid(text, "looks like an IPv6 address; write it in brackets, as in [::1]:8080");
        }
        if (IPV4.matcher(host).matches()) {
            return new HostPattern(host);
        }
        String name = host.startsWith("*.") ? host.substring(2) : host;
        if (name.length() > 253 || name.isEmpty()) {
            throw invalid(text, "is not a host name");
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(text, "is not a host name (label \"" + label + "\"); use letters, digits and '-', "
                        + "and * only as the first label, as in *.example.org");
            }
        }
        return new HostPattern(host);
    }

    /**
     * @param host a host name, an IPv4 literal or an IPv6 literal (with or without brackets)
     * @return whether this pattern covers it
     */
    public boolean matches(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (pattern.equals("*")) {
            return true;
        }
        String candidate = canonical(host);
        if (candidate == null) {
            return false;
        }
        if (pattern.startsWith("*.")) {
            return !isAddress(candidate) && candidate.endsWith(pattern.substring(1));
        }
        return pattern.equals(candidate);
    }

    /** @return whether this is an address literal rather than a name or wildcard */
    public boolean isAddress() {
        return isAddress(pattern);
    }

    private static boolean isAddress(String host) {
        return host.startsWith("[") || IPV4.matcher(host).matches();
    }

    private static String canonical(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        String bare = lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
        if (bare.contains(":")) {
            String v6 = Ipv6.expand(bare);
            return v6 == null ? null : "[" + v6 + "]";
        }
        return lower;
    }

    private static InvalidPermissionException invalid(String text, String problem) {
        return new InvalidPermissionException("host \"" + text + "\" " + problem);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
