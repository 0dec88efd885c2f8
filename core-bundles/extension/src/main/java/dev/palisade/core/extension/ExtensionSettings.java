package dev.palisade.core.extension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Where the extension module keeps its files and how it watches, read from framework properties.
 *
 * @param dataDir    {@code palisade.data.dir} (required): staging, incoming uploads, kept uploads
 * @param trustDir   {@code palisade.trust.dir}, else {@code <palisade.home>/etc/trust}
 * @param deployDir  {@code palisade.deploy.dir}, or {@code null} when not set (no folder is watched)
 * @param settle     {@code palisade.deploy.settle.ms} (default 100 ms)
 * @param grantsFile {@code palisade.grants.file}, else {@code <palisade.home>/etc/grants.json}; {@code null}
 *                   when neither is set (no policy profiles: every request waits for approval)
 */
public record ExtensionSettings(Path dataDir, Path trustDir, Path deployDir, Duration settle, Path grantsFile) {

    /** Framework property: the data folder. */
    public static final String DATA_DIR = "palisade.data.dir";
    /** Framework property: the trust anchors folder. */
    public static final String TRUST_DIR = "palisade.trust.dir";
    /** Framework property: the watched deploy folder. */
    public static final String DEPLOY_DIR = "palisade.deploy.dir";
    /** Framework property: the Palisade home folder. */
    public static final String HOME = "palisade.home";
    /** Framework property: the settle time of the deploy folder, in milliseconds. */
    public static final String SETTLE_MS = "palisade.deploy.settle.ms";
    /** Framework property: the operator's grant policy file. */
    public static final String GRANTS_FILE = "palisade.grants.file";
    /** The settle time when {@value #SETTLE_MS} is not set. */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(100);

    /**
     * @param property reads a framework property, {@code null} when not set
     * @throws IllegalStateException naming a property that is missing or malformed, and how to fix it
     */
    public static ExtensionSettings from(Function<String, String> property) {
        String data = property.apply(DATA_DIR);
        if (blank(data)) {
            throw new IllegalStateException("framework property " + DATA_DIR + " is not set; the launcher sets it"
                    + " to the absolute path of the host's data folder: set it when embedding the framework");
        }
        String home = property.apply(HOME);
        String grants = property.apply(GRANTS_FILE);
        if (blank(grants) && !blank(home)) {
            grants = Path.of(home.trim(), "etc", "grants.json").toString();
        }
        String trust = property.apply(TRUST_DIR);
        if (blank(trust)) {
            if (blank(home)) {
                throw new IllegalStateException("framework property " + TRUST_DIR + " (or " + HOME + ") is not set;"
                        + " set it to the folder that holds the trusted certificates (etc/trust)");
            }
            trust = Path.of(home, "etc", "trust").toString();
        }
        String deploy = property.apply(DEPLOY_DIR);
        String settleText = property.apply(SETTLE_MS);
        Duration settle = DEFAULT_SETTLE;
        if (!blank(settleText)) {
            try {
                long millis = Long.parseLong(settleText.trim());
                if (millis < 0 || millis > 60_000) {
                    throw new NumberFormatException("out of range");
                }
                settle = Duration.ofMillis(millis);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("framework property " + SETTLE_MS + " is '" + settleText
                        + "'; set it to a number of milliseconds from 0 to 60000", e);
            }
        }
        return new ExtensionSettings(absolute(data), absolute(trust), blank(deploy) ? null : absolute(deploy), settle,
                blank(grants) ? null : absolute(grants));
    }

    /** @return {@code <data>/staging}, where private copies are checked */
    public Path stagingDir() {
        return dataDir.resolve("staging");
    }

    /** @return {@code <data>/uploads}, where REST uploads are kept for the next start */
    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    /** @return {@code <data>/incoming}, where REST request bodies are written before deployment */
    public Path incomingDir() {
        return dataDir.resolve("incoming");
    }

    /** @return {@code etc/secrets} beside the trust folder: one file per secret the capabilities may hand out */
    public Path secretsDir() {
        return trustDir.resolveSibling("secrets");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Path absolute(String path) {
        return Path.of(path.trim()).toAbsolutePath().normalize();
    }
}
