package dev.palisade.core.extension.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

import dev.palisade.api.extension.Plugin;
import dev.palisade.core.extension.invoke.MethodSchemas;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionInfo;

/**
 * One serving extension version: what its descriptor says, who signed it, the plugin instance the host
 * created and where the jar came from. Immutable; the plugin itself must be thread-safe.
 *
 * @param id          the descriptor's id
 * @param name        the descriptor's name
 * @param version     the descriptor's version (equal to the Bundle-Version)
 * @param type        the descriptor's type
 * @param methods     the method names the descriptor lists
 * @param descriptor  the whole descriptor as JSON-compatible values
 * @param publisher   the signer certificate's RFC 2253 subject
 * @param fingerprint hex SHA-256 of the signer certificate
 * @param plugin      the instance created from the entry class
 * @param classLoader the extension bundle's class loader, set as context class loader during calls
 * @param schemas     the compiled method schemas
 * @param deployedAt  when this version started serving
 * @param source      where the jar came from
 * @param origin      the file the deployment was asked for (absolute, normalized)
 * @param sha256      hex SHA-256 of the jar
 * @param bundle      the installed bundle; {@code null} only outside a framework (tests)
 */
public record ActiveExtension(
        String id,
        String name,
        String version,
        String type,
        List<String> methods,
        Map<String, Object> descriptor,
        String publisher,
        String fingerprint,
        Plugin plugin,
        ClassLoader classLoader,
        MethodSchemas schemas,
        Instant deployedAt,
        DeploymentSource source,
        Path origin,
        String sha256,
        Bundle bundle) {

    /** The serving state shown in {@link ExtensionInfo#state()}. */
    public static final String STATE_ACTIVE = "active";

    public ActiveExtension {
        methods = List.copyOf(methods);
    }

    /** @return the registry view of this extension */
    public ExtensionInfo info() {
        return new ExtensionInfo(id, name, version, type, STATE_ACTIVE, publisher, fingerprint, methods, deployedAt,
                source, descriptor);
    }

    /** @return {@code name version}, as messages quote an extension */
    public String label() {
        return name + " " + version;
    }
}
