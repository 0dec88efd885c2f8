package dev.palisade.sandbox.permission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one extension has been granted, bound to its data folder so relative file globs are
 * resolved once. Immutable and thread-safe; the guards ask it on every checked call, so its
 * questions are cheap: no I/O, except {@link #resolve}, which looks at the file system only below
 * the folders the grants name.
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
    private final List<ResolvedPrefix> folders;

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
        this.folders = foldersOf(dataFolder, reads, writes);
    }

    private static List<ResolvedPrefix> foldersOf(Path dataFolder, List<PathGlob.Matcher> reads,
                                                  List<PathGlob.Matcher> writes) {
        List<ResolvedPrefix> folders = new ArrayList<>();
        if (dataFolder != null) {
            ResolvedPrefix.ofFolder(dataFolder, RealPaths.resolve(dataFolder)).ifPresent(folders::add);
        }
        for (PathGlob.Matcher matcher : reads) {
            matcher.folder().ifPresent(folders::add);
        }
        for (PathGlob.Matcher matcher : writes) {
            matcher.folder().ifPresent(folders::add);
        }
        folders.sort(Comparator.comparingInt((ResolvedPrefix folder) -> folder.literal().getNameCount()).reversed());
        return List.copyOf(folders);
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

    /**
     * Resolves a path the way the operating system would follow it ({@code ..} and symbolic links, see
     * {@link RealPaths#resolve(Path)}), starting below the data folder or a folder a file grant names from the
     * real path that folder had when these grants were made, so only the elements below it cost a file-system
     * look-up. The folders were resolved when the grants were bound; a link placed above one of them later (which
     * extensions cannot create) is not seen, as it is not seen by the grants' patterns either.
     *
     * @param path any path; relative paths are taken relative to the process's working folder
     * @return the resolved absolute path to ask {@link #mayRead}/{@link #mayWrite} about, or {@code null} when a
     *         link loops or cannot be read
     */
    public Path resolve(Path path) {
        return RealPaths.resolve(path, folders);
    }

    /**
     * Resolves like {@link #resolve} all elements of a path but the last, which is appended as written: the
     * caller must open the result with {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} (so the operating system
     * refuses a link in the last place, which the check did not look at) and, if it is refused that way, resolve
     * the path whole with {@link #resolve} and ask again. A file directly in a granted folder costs no file-system
     * look-up at all.
     *
     * @param path any path; relative paths are taken relative to the process's working folder
     * @return the absolute path to ask {@link #mayRead}/{@link #mayWrite} about and to open, or {@code null} when
     *         a link loops or cannot be read
     */
    public Path resolveForOpening(Path path) {
        return RealPaths.resolveAllButLast(path, folders);
    }

    /** @param resolved a path resolved by {@link #resolve}, {@link #resolveForOpening} or {@link RealPaths#resolve} */
    public boolean mayRead(Path resolved) {
        return matchesAny(reads, resolved);
    }

    /** @param resolved a path resolved by {@link #resolve}, {@link #resolveForOpening} or {@link RealPaths#resolve} */
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
