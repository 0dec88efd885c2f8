package dev.palisade.core.extension.grant;

import dev.palisade.sandbox.permission.FilePermission;
import dev.palisade.sandbox.permission.HostPattern;
import dev.palisade.sandbox.permission.NamedPermission;
import dev.palisade.sandbox.permission.NetConnectPermission;
import dev.palisade.sandbox.permission.Permission;

/**
 * Whether a permission pattern of the operator's policy covers a permission an extension requests: every
 * access the request would allow, the pattern allows too. Conservative: when in doubt, it does not cover
 * (the request then waits for approval).
 *
 * <ul>
 *   <li>file: the same glob, or a pattern {@code P/**} covering every request that is {@code P} or starts
 *       with {@code P/} (relative and absolute patterns never cover each other; {@code **} alone covers every
 *       relative request, {@code /**} every absolute one);</li>
 *   <li>net.connect: the pattern's port range contains the request's, and its host is {@code *}, the same
 *       host, or {@code *.d} while the request's host (a name or a wildcard) ends with {@code .d};</li>
 *   <li>secret, env and property read: the same name, or a prefix {@code p*} the request's name or prefix
 *       starts with;</li>
 *   <li>thread.create: the same kind.</li>
 * </ul>
 * Stateless.
 */
public final class PermissionCoverage {

    private PermissionCoverage() {
    }

    /** @return whether {@code pattern} allows everything {@code requested} allows */
    public static boolean covers(Permission pattern, Permission requested) {
        if (pattern.kind() != requested.kind()) {
            return false;
        }
        if (pattern.equals(requested) || pattern.target().equals(requested.target())) {
            return true;
        }
        if (pattern instanceof FilePermission file) {
            return coversPath(file.glob().pattern(), ((FilePermission) requested).glob().pattern());
        }
        if (pattern instanceof NetConnectPermission net) {
            NetConnectPermission request = (NetConnectPermission) requested;
            return net.port().low() <= request.port().low() && net.port().high() >= request.port().high()
                    && coversHost(net.host(), request.host());
        }
        if (pattern instanceof NamedPermission named) {
            String prefix = named.name().pattern();
            return prefix.endsWith("*")
                    && ((NamedPermission) requested).name().pattern().startsWith(prefix.substring(0, prefix.length() - 1));
        }
        return true; // thread.create: no target
    }

    private static boolean coversPath(String pattern, String requested) {
        if (pattern.startsWith("/") != requested.startsWith("/")) {
            return false;
        }
        if (pattern.equals("**") || pattern.equals("/**")) {
            return true;
        }
        if (!pattern.endsWith("/**")) {
            return false;
        }
        String base = pattern.substring(0, pattern.length() - 3);
        if (base.indexOf('*') >= 0 || base.indexOf('?') >= 0) {
            return false;
        }
        return requested.equals(base) || requested.startsWith(base + "/");
    }

    private static boolean coversHost(HostPattern pattern, HostPattern requested) {
        String p = pattern.pattern();
        String r = requested.pattern();
        if (p.equals("*")) {
            return true;
        }
        if (p.equals(r)) {
            return true;
        }
        return p.startsWith("*.") && !requested.isAddress() && !r.equals("*") && r.endsWith(p.substring(1));
    }
}
