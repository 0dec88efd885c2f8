package dev.palisade.host;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.palisade.host.internal.BootSequence;
import dev.palisade.host.internal.HostSettings;

/**
 * Entry point of the embedding API.
 *
 * <pre>{@code
 * try (PalisadeHost host = Palisade.builder().home(Path.of("/opt/palisade")).port(0).start()) {
 *     host.invoke("text-tools", "word_count", Map.of("text", "two words"));
 * }
 * }</pre>
 */
public final class Palisade {

    private Palisade() {
    }

    /** @return a new builder; nothing starts until {@link Builder#start()} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects where and how to start a host. Not thread-safe; use one builder per start. */
    public static final class Builder {
        private Path home;
        private Integer port;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param home the Palisade home folder: etc/, system/, and deploy/ and data/ (created when
         *             missing)
         * @return this builder
         */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /**
         * @param port the HTTP port on 127.0.0.1, 0 for any free port; without this call the port
         *             comes from {@code palisade.http.port} in etc/palisade.properties, else 8080
         * @return this builder
         * @throws IllegalArgumentException when the port is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 0..65535; pass 0 for any free port");
            }
            this.port = port;
            return this;
        }

        /**
         * Sets a framework property; it wins over the same key in etc/palisade.properties. The
         * launcher's own keys (palisade.home, palisade.deploy.dir, palisade.data.dir,
         * palisade.trust.dir, the framework storage and the HTTP host and port) are always set by
         * the launcher.
         *
         * @param key   the property name
         * @param value the property value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Starts the framework, the boot features and the HTTP endpoint, and returns once the host
         * is ready: every boot bundle active, the services the host needs present (the extension
         * module registers its service after the initial scan of deploy/) and HTTP listening.
         *
         * @return the running host; close it to stop
         * @throws PalisadeStartException naming what was wrong; nothing is left running
         */
        public PalisadeHost start() {
            if (home == null) {
                throw new PalisadeStartException(StartFailure.INVALID_HOME,
                        "no home folder given: call home(Path) with a Palisade home (etc/, system/)");
            }
            return new BootSequence(HostSettings.resolve(home, port, properties)).start();
        }
    }
}
