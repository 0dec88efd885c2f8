package dev.palisade.host.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * The folders of a Palisade home, as absolute paths: etc/ (settings, etc/trust/ trust anchors),
 * system/ (bundles in Maven repository layout), deploy/ (watched), data/ (framework cache, staging).
 */
public record HomeLayout(Path home, Path etc, Path trust, Path system, Path deploy, Path data) {

    /** The settings file inside etc/. */
    public Path settingsFile() {
        return etc.resolve("palisade.properties");
    }

    /** The framework's bundle cache inside data/. */
    public Path frameworkCache() {
        return data.resolve("cache");
    }

    /**
     * Checks a home folder and creates the folders a host may create itself (deploy/, data/,
     * etc/trust/).
     *
     * @param home the home folder
     * @return its layout
     * @throws PalisadeStartException (INVALID_HOME) when the folder, etc/ or system/ is missing
     */
    public static HomeLayout open(Path home) {
        Path root = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new PalisadeStartException(StartFailure.INVALID_HOME,
                    "home folder " + root + " does not exist; pass the folder of an unpacked Palisade distribution");
        }
        Path etc = requireFolder(root, "etc", "settings (palisade.properties) and trust anchors");
        Path system = requireFolder(root, "system", "the bundles, in Maven repository layout");
        HomeLayout layout = new HomeLayout(root, etc, etc.resolve("trust"), system,
                root.resolve("deploy"), root.resolve("data"));
        createFolder(layout.trust);
        createFolder(layout.deploy);
        createFolder(layout.data);
        return layout;
    }

    private static Path requireFolder(Path root, String name, String purpose) {
        Path folder = root.resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new PalisadeStartException(StartFailure.INVALID_HOME,
                    "home folder " + root + " has no " + name + "/ folder (" + purpose
                            + "); pass the folder of an unpacked Palisade distribution");
        }
        return folder;
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PalisadeStartException(StartFailure.INVALID_HOME,
                    "cannot create folder " + folder + ": " + e + "; check the home folder's permissions", e);
        } catch (UncheckedIOException e) {
            throw new PalisadeStartException(StartFailure.INVALID_HOME,
                    "cannot create folder " + folder + ": " + e.getCause(), e);
        }
    }
}
