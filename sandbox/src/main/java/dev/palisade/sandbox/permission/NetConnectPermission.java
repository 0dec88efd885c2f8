package dev.palisade.sandbox.permission;

import java.util.Objects;

/**
 * Permission to connect to {@code host:port} ({@link PermissionKind#NET_CONNECT}); it includes
 * resolving that host's name.
 *
 * @param host the host pattern
 * @param port the port range
 */
public record NetConnectPermission(HostPattern host, PortRange port) implements Permission {

    public NetConnectPermission {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
    }

    /** @throws InvalidPermissionException if {@code target} is not host:port */
    static NetConnectPermission parse(String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1 || (target.startsWith("[") && target.charAt(colon - 1) != ']')) {
            throw new InvalidPermissionException("net.connect target \"" + target + "\" is not host:port; give "
                    + PermissionKind.NET_CONNECT.targetForm());
        }
        return new NetConnectPermission(HostPattern.parse(target.substring(0, colon)),
                PortRange.parse(target.substring(colon + 1)));
    }

    @Override
    public PermissionKind kind() {
        return PermissionKind.NET_CONNECT;
    }

    @Override
    public String target() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return kind().id() + " " + target();
    }
}
