package dev.palisade.sandbox.permission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What one extension has been granted, bound to its data folder so relative file globs are
 * resolved once. Immutable and thread-safe; the guards ask it on every checked call, so its
 * questions are cheap (no I/O).
 */
public final class Grants {

    private static final Grants NONE = new Grants(null, List.of());

    private final Path dataFolder;
    private final List<Permission> permissions;
    private final List<PathGlob.Matcher> reads = new ArrayList<>();
    private final List<PathGlob.Matcher> writes = new ArrayList<>();
    private final List<NetConnectPermission> connects = new ArrayList<>();
    private final List<NamedPermission> names = new ArrayList<>();
    private final boolean threads;

    private Grants(Path dataFolder, List<Permission> permissions) {
        this.dataFolder = dataFolder;
        this.permissions = List.copyOf(permissions);
        boolean threads = false;
        for (Permission permission : this.permissions) {
            if (permission instanceof FilePermission file) {
                (file.kind() == PermissionKind.FILE_READ ? reads : writes).add(file.glob().bind(dataFolder));
            } else if (permission instanceof NetConnectPermission connect) {
                connects.add(connect);
            } else if (permission instanceof NamedPermission named) {
                names.add(named);
            } else {
                threads = true;
            }
        }
        this.threads = threads;
    }

    /** @return grants that permit nothing */
    public static Grants none() {
        return NONE;
    }

    /**
     * @param dataFolder  the extension's own data folder (absolute); relative file globs resolve inside it
     * @param permissions what is granted
     */
    public static Grants of(Path dataFolder, Collection<? extends Permission> permissions) {
        Objects.requireNonNull(dataFolder, "dataFolder");
        if (!dataFolder.isAbsolute()) {
            throw new IllegalArgumentException("data folder must be an absolute path: " + dataFolder);
        }
        return new Grants(dataFolder.normalize(), new ArrayList<>(permissions));
    }

    /** @return the granted permissions, in the order given */
    public List<Permission> permissions() {
        return permissions;
    }

    /** @return the data folder relative globs resolve in; {@code null} for {@link #none()} */
    public Path dataFolder() {
        return dataFolder;
    }

    /** @param resolved a path resolved by {@link RealPaths#resolve} */
    public boolean mayRead(Path resolved) {
        return matchesAny(reads, resolved);
    }

    /** @param resolved a path resolved by {@link RealPaths#resolve} */
    public boolean mayWrite(Path resolved) {
        return matchesAny(writes, resolved);
    }

    /**
     * @param hostName the host name the connection was asked for, or {@code null} if only an address is known
     * @param address  the address literal connected to, or {@code null} if not resolved yet
     * @param port     the port
     * @return whether a net.connect grant covers the port and the name or the address
     */
    public boolean mayConnect(String hostName, String address, int port) {
        for (NetConnectPermission connect : connects) {
            if (connect.port().contains(port)
                    && (connect.host().matches(hostName) || (connect.host().isAddress() && connect.host().matches(address)))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether some net.connect grant covers {@code hostName}, on any port */
    public boolean mayResolve(String hostName) {
        for (NetConnectPermission connect : connects) {
            if (connect.host().matches(hostName)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a grant of {@code kind} (secret, env or property read) covers {@code name} */
    public boolean mayReadNamed(PermissionKind kind, String name) {
        for (NamedPermission named : names) {
            if (named.kind() == kind && named.permits(name)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether thread.create is granted */
    public boolean mayCreateThreads() {
        return threads;
    }

    private static boolean matchesAny(List<PathGlob.Matcher> matchers, Path resolved) {
        if (resolved == null) {
            return false;
        }
        for (PathGlob.Matcher matcher : matchers) {
            if (matcher.matches(resolved)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Grants" + permissions + (dataFolder == null ? "" : " in " + dataFolder);
    }
}
