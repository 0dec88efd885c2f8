package dev.palisade.core.extension.isolate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.palisade.core.extension.grant.PermissionJson;
import dev.palisade.sandbox.permission.Grants;

/**
 * Starts strict extensions in child JVMs. The child runs the host's own {@code java} binary with hard limits —
 * {@code -Xmx} from {@link Isolation#heapMegabytes()}, {@code -XX:+ExitOnOutOfMemoryError} (an exhausted heap
 * ends the child, never the host), a {@value #STACK} thread stack, one processor
 * ({@code -XX:ActiveProcessorCount=1}), a serial collector and a bounded metaspace — and the class path of
 * {@link ChildClassPath} only. It is handed the version's grants at start. Its jar is a private copy of the
 * verified staged jar, kept beside the extension's data folder (out of the files capability's reach) for
 * restarts and for an approval that starts a pending version later. Thread-safe.
 */
public final class StrictIsolation {

    /** The thread stack size of a child JVM. */
    static final String STACK = "512k";

    private final int threads;
    private volatile String classPath;

    /** @param threads the calls a child serves at once: the host's threads per extension */
    public StrictIsolation(int threads) {
        this.threads = threads;
    }

    /**
     * @param dataFolder the extension's data folder
     * @return where the child's copy of this version's jar is kept
     */
    public static Path jarOf(Path dataFolder, String version, String sha256) {
        return dataFolder.resolveSibling("strict").resolve(version + "-" + sha256.substring(0, 16) + ".jar");
    }

    /**
     * Keeps the child's copy of a verified jar.
     *
     * @return the copy, at {@link #jarOf}
     * @throws IOException when it cannot be written
     */
    public Path keep(Path staged, Path dataFolder, String version, String sha256) throws IOException {
        Path copy = jarOf(dataFolder, version, sha256);
        Files.createDirectories(copy.getParent());
        Files.copy(staged, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /**
     * Deletes the child's copy of a version's jar if one was kept (a retired version, a failed start); a copy that
     * cannot be deleted is logged.
     *
     * @param jar   the copy, at {@link #jarOf}
     * @param label the version's name and version, for the log
     */
    public static void discard(Path jar, String label) {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            System.getLogger(StrictIsolation.class.getName()).log(System.Logger.Level.WARNING, "the copy " + jar
                    + " of strict extension " + label + " could not be deleted: " + e.getMessage());
        }
    }

    /**
     * @param id         the extension's id
     * @param name       its name
     * @param version    its version
     * @param entryPoint its entry class
     * @param isolation  its isolation (strict)
     * @param grants     what it was granted, bound to its data folder
     * @param jar        the copy {@link #keep} made
     * @return the work that starts the child and answers the host's stand-in for the entry instance, to run on
     *         the version's pool under its time limit; it throws a
     *         {@link dev.palisade.core.extension.deploy.DeploymentFailure} naming why the child refused
     */
    public Callable<Object> creation(String id, String name, String version, String entryPoint, Isolation isolation,
            Grants grants, Path jar) {
        return () -> {
            Map<String, Object> start = Pipe.message(Pipe.START);
            start.put("extension", id);
            start.put("name", name);
            start.put("version", version);
            start.put("entry", entryPoint);
            start.put("jar", jar.toString());
            start.put("dataFolder", grants.dataFolder().toString());
            start.put("grants", PermissionJson.list(grants.permissions()));
            start.put("threads", threads);
            IsolatedPlugin plugin = new IsolatedPlugin(command(isolation), start, id, name, name + " " + version,
                    isolation.heapMegabytes(), jar);
            plugin.startChild();
            return plugin;
        };
    }

    private List<String> command(Isolation isolation) {
        String path = classPath;
        if (path == null) {
            path = ChildClassPath.of();
            classPath = path;
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx" + isolation.heapMegabytes() + "m");
        command.add("-Xss" + STACK);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:ActiveProcessorCount=1");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:MaxMetaspaceSize=128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(path);
        command.add(ChildMain.class.getName());
        return command;
    }
}
