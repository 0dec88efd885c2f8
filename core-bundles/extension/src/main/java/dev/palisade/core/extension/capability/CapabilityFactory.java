package dev.palisade.core.extension.capability;

import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.RealPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the {@link dev.palisade.api.capability.Capabilities} of each invocation. Created once by the
 * extension module with the host's folders:
 * <ul>
 * <li>the secrets folder, {@code <home>/etc/secrets}: one file per secret, named by the secret;</li>
 * <li>the data root, {@code <data dir>/extensions}: one folder per extension id, holding
 * {@code files/} (the extension's data folder, where its relative paths resolve) and
 * {@code kv.json} (its key-value store, out of the files capability's reach).</li>
 * </ul>
 * Every check asks the {@link Grants} handed to {@link #forInvocation} with the sandbox's own
 * questions ({@code mayRead}, {@code mayWrite}, {@code mayConnect}, {@code mayReadNamed}, paths
 * resolved by {@link RealPaths}) and reports denials through
 * {@link dev.palisade.sandbox.policy.DecisionPoint#deny}, so they land in the same violation log
 * and reach the same policy as the denials of the woven guards. Thread-safe; one instance per data
 * root in a process (it owns the key-value store files).
 */
public final class CapabilityFactory {

    /** The host's logger that extension log lines go to. */
    public static final String LOGGER_NAME = "dev.palisade.extension";

    private final Path secretsFolder;
    private final Path dataRoot;
    private final Clock clock;
    private final KeyValueStores stores;
    private final Map<String, Path> preparedFolders = new ConcurrentHashMap<>();
    private final System.Logger logger = System.getLogger(LOGGER_NAME);
    private volatile HttpClient httpClient;

    /**
     * @param secretsFolder the operator's secrets folder, normally {@code <home>/etc/secrets}; need not exist
     * @param dataRoot      the folder of the extensions' data, normally {@code <data dir>/extensions}
     * @param clock         the clock handed to extensions, normally {@link Clock#systemUTC()}
     * @param stores        where the key-value stores live; {@code null} for {@link JsonFileKeyValueStores}
     *                      under {@code dataRoot}
     */
    public CapabilityFactory(Path secretsFolder, Path dataRoot, Clock clock, KeyValueStores stores) {
        this.secretsFolder = absolute(secretsFolder, "secretsFolder");
        this.dataRoot = absolute(dataRoot, "dataRoot");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stores = stores == null ? new JsonFileKeyValueStores(this.dataRoot) : stores;
    }

    /**
     * The factory of a Palisade home: secrets in {@code <home>/etc/secrets}, data in
     * {@code <dataDir>/extensions}, the system UTC clock, key-value stores as JSON files.
     */
    public static CapabilityFactory forHost(Path home, Path dataDir) {
        return new CapabilityFactory(home.resolve("etc").resolve("secrets"), dataDir.resolve("extensions"),
                Clock.systemUTC(), null);
    }

    /**
     * @return the extension's data folder, {@code <data root>/<id>/files}, absolute with its symbolic
     *         links resolved: the folder to build the extension's {@link Grants} with
     *         ({@code Grants.of(factory.dataFolder(id), permissions)}), so its relative globs match
     *         the paths the capabilities check
     * @throws IllegalArgumentException if the id cannot name a folder
     */
    public Path dataFolder(String extensionId) {
        Path folder = dataRoot.resolve(ExtensionIds.requireSafe(extensionId)).resolve("files");
        Path resolved = RealPaths.resolve(folder);
        return resolved == null ? folder : resolved;
    }

    /**
     * Makes the capabilities of one invocation, creating the extension's data folder at its first.
     *
     * @param extensionId   the extension's id (its descriptor's {@code id})
     * @param extensionName the extension's name, for the log
     * @param grants        the extension's grants for this invocation, normally
     *                      {@code DecisionPoint.grants(extensionId)}; bound to {@link #dataFolder}
     *                      (or {@link Grants#none()})
     * @param invocationId  the invocation's id, for the log and error messages
     * @return capabilities to hand to the invocation and to {@linkplain InvocationCapabilities#close close}
     *         when it ends
     * @throws IllegalArgumentException if the id cannot name a folder, or the grants are bound to
     *                                  another folder than the extension's data folder
     * @throws UncheckedIOException     if the data folder cannot be created
     */
    public InvocationCapabilities forInvocation(String extensionId, String extensionName, Grants grants,
            String invocationId) {
        Objects.requireNonNull(grants, "grants");
        Path folder = preparedFolders.computeIfAbsent(extensionId, this::prepareDataFolder);
        if (grants.dataFolder() != null && !folder.equals(grants.dataFolder())
                && !folder.equals(resolved(grants.dataFolder()))) {
            throw new IllegalArgumentException("the grants of extension " + extensionId + " are bound to "
                    + grants.dataFolder() + ", not to its data folder " + folder
                    + "; build them with Grants.of(capabilityFactory.dataFolder(id), permissions)");
        }
        InvocationScope scope = new InvocationScope(extensionId, extensionName, invocationId, grants);
        return new InvocationCapabilities(scope,
                new GrantedFiles(scope, folder),
                new GrantedHttp(scope, this::httpClient),
                new GrantedSecrets(scope, secretsFolder),
                stores.forExtension(extensionId),
                new HostExtensionLog(scope, logger),
                clock);
    }

    private HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                client = httpClient;
                if (client == null) {
                    client = GrantedHttp.newClient();
                    httpClient = client;
                }
            }
        }
        return client;
    }

    /**
     * Resolves and creates an extension's data folder, once per extension: later invocations reuse
     * it without touching the file system (the host never deletes a data folder; writes through the
     * capabilities create missing parents themselves).
     */
    private Path prepareDataFolder(String extensionId) {
        Path folder = dataFolder(extensionId);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data folder " + folder + " of extension "
                    + extensionId + "; check that the host may write to " + dataRoot, e);
        }
        return folder;
    }

    private static Path resolved(Path path) {
        Path resolved = RealPaths.resolve(path);
        return resolved == null ? path : resolved;
    }

    private static Path absolute(Path path, String what) {
        return Objects.requireNonNull(path, what).toAbsolutePath().normalize();
    }
}
