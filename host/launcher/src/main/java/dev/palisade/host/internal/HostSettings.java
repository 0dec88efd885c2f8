package dev.palisade.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * Everything a start needs, resolved from the home folder, etc/palisade.properties and the
 * builder. Precedence: builder property over etc/palisade.properties over the defaults.
 *
 * @param layout              the home's folders
 * @param port                the requested HTTP port, 0 for any free port
 * @param properties          etc/palisade.properties and builder properties, merged; passed to
 *                            the framework as framework properties
 * @param bootFeatures        {@value #BOOT_FEATURES}: the features to install and start
 * @param featureRepositories {@value #FEATURE_REPOSITORIES}: mvn links of the features files
 * @param readyServices       {@value #READY_SERVICES}: service interfaces that must be registered
 *                            before the host is ready
 * @param startTimeout        {@value #START_TIMEOUT}: how long to wait for those services
 * @param stopTimeout         {@value #STOP_TIMEOUT}: how long close() waits for the framework
 */
public record HostSettings(
        HomeLayout layout,
        int port,
        Map<String, String> properties,
        List<String> bootFeatures,
        List<MavenLink> featureRepositories,
        List<String> readyServices,
        Duration startTimeout,
        Duration stopTimeout) {

    /** Comma-separated boot features. */
    public static final String BOOT_FEATURES = "palisade.boot.features";
    /** Comma-separated mvn links of the features files, resolved in system/. */
    public static final String FEATURE_REPOSITORIES = "palisade.features.repositories";
    /** HTTP port when neither the builder nor the command line gives one. */
    public static final String HTTP_PORT = "palisade.http.port";
    /** Comma-separated service interface names the host waits for before it is ready. */
    public static final String READY_SERVICES = "palisade.ready.services";
    /** Seconds to wait for the ready services. */
    public static final String START_TIMEOUT = "palisade.start.timeout.seconds";
    /** Seconds close() waits for the framework to stop. */
    public static final String STOP_TIMEOUT = "palisade.stop.timeout.seconds";

    /** The HTTP whiteboard's runtime service (Jakarta servlet whiteboard). */
    public static final String HTTP_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    /** The extension module's service. */
    public static final String EXTENSION_HOST = "dev.palisade.host.bridge.ExtensionHost";
    /** The store's service. */
    public static final String STORE_ADMIN = "dev.palisade.host.bridge.StoreAdmin";

    private static final int DEFAULT_PORT = 8080;

    public HostSettings {
        properties = Map.copyOf(properties);
        bootFeatures = List.copyOf(bootFeatures);
        featureRepositories = List.copyOf(featureRepositories);
        readyServices = List.copyOf(readyServices);
    }

    /**
     * @param home              the home folder
     * @param port              the builder's port, or {@code null} when none was given
     * @param builderProperties the builder's properties
     * @return the resolved settings
     * @throws PalisadeStartException (INVALID_HOME, INVALID_SETTING) naming what is wrong
     */
    public static HostSettings resolve(Path home, Integer port, Map<String, String> builderProperties) {
        HomeLayout layout = HomeLayout.open(home);
        Map<String, String> merged = new LinkedHashMap<>(readSettingsFile(layout.settingsFile()));
        merged.putAll(builderProperties);
        int effectivePort = port != null ? port : intSetting(merged, HTTP_PORT, DEFAULT_PORT, 0, 65535);
        List<String> boot = listSetting(merged, BOOT_FEATURES, "palisade-core");
        if (boot.isEmpty()) {
            throw invalidSetting(BOOT_FEATURES + " is empty; name at least one feature, such as palisade-core");
        }
        List<MavenLink> repositories = listSetting(merged, FEATURE_REPOSITORIES,
                "mvn:dev.palisade/palisade-features/" + PalisadeVersion.current() + "/xml/features").stream()
                .map(text -> {
                    try {
                        return MavenLink.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw invalidSetting(FEATURE_REPOSITORIES + ": " + e.getMessage());
                    }
                }).toList();
        if (repositories.isEmpty()) {
            throw invalidSetting(FEATURE_REPOSITORIES + " is empty; name the features file, such as "
                    + "mvn:dev.palisade/palisade-features/" + PalisadeVersion.current() + "/xml/features");
        }
        List<String> ready = listSetting(merged, READY_SERVICES, HTTP_RUNTIME + "," + STORE_ADMIN + "," + EXTENSION_HOST);
        Duration startTimeout = Duration.ofSeconds(intSetting(merged, START_TIMEOUT, 60, 1, 3600));
        Duration stopTimeout = Duration.ofSeconds(intSetting(merged, STOP_TIMEOUT, 30, 1, 3600));
        return new HostSettings(layout, effectivePort, merged, boot, repositories, ready, startTimeout, stopTimeout);
    }

    private static Map<String, String> readSettingsFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new PalisadeStartException(StartFailure.INVALID_SETTING,
                    "cannot read " + file + ": " + e.getMessage() + "; fix the file (Java properties format)", e);
        }
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name).strip());
        }
        return values;
    }

    private static int intSetting(Map<String, String> values, String key, int fallback, int min, int max) {
        String text = values.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalidSetting(key + "=" + text + " is not a whole number in " + min + ".." + max + "; fix it in etc/palisade.properties");
    }

    private static List<String> listSetting(Map<String, String> values, String key, String fallback) {
        String text = values.getOrDefault(key, fallback);
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static PalisadeStartException invalidSetting(String message) {
        return new PalisadeStartException(StartFailure.INVALID_SETTING, message);
    }
}
