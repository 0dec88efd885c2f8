package dev.palisade.core.extension.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.core.extension.invoke.MethodSchemas;
import dev.palisade.core.extension.run.ExtensionRuntime;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionInfo;

/**
 * One deployed extension version: what its descriptor says, who signed it, the instance the host created
 * from the entry class, where the jar came from, what it was granted, what the bytecode scan found and the
 * runtime its calls go through. A version whose permissions are not all granted is <em>pending</em>: its bundle is
 * installed but not started, and it has no entry instance and no class loader yet. Immutable; the entry
 * instance itself must be thread-safe.
 *
 * @param id          the descriptor's id
 * @param name        the descriptor's name
 * @param version     the descriptor's version (equal to the Bundle-Version)
 * @param type        the descriptor's type ({@link ExtensionKind#type()})
 * @param methods     the method names the descriptor lists
 * @param descriptor  the whole descriptor as JSON-compatible values
 * @param publisher   the signer certificate's RFC 2253 subject
 * @param fingerprint hex SHA-256 of the signer certificate
 * @param entry       the instance created from the entry class, implementing {@link #kind()}'s entry type;
 *                    {@code null} while pending
 * @param classLoader the extension bundle's class loader, set as context class loader during calls;
 *                    {@code null} while pending
 * @param schemas     the compiled method schemas
 * @param deployedAt  when this version started serving
 * @param source      where the jar came from
 * @param origin      the file the deployment was asked for (absolute, normalized)
 * @param sha256      hex SHA-256 of the jar
 * @param bundle      the installed bundle; {@code null} only outside a framework (tests)
 * @param permissions requested versus granted
 * @param scan        the install-time bytecode scan report, as JSON values
 * @param runtime     the executor, accounting and quarantine of this version
 * @param dataFolder  the extension's own data folder, where relative file grants resolve
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
        Object entry,
        ClassLoader classLoader,
        MethodSchemas schemas,
        Instant deployedAt,
        DeploymentSource source,
        Path origin,
        String sha256,
        Bundle bundle,
        ExtensionPermissions permissions,
        Map<String, Object> scan,
        ExtensionRuntime runtime,
        Path dataFolder) {

    /** The state of a version that serves, shown in {@link ExtensionInfo#state()}. */
    public static final String STATE_ACTIVE = "active";
    /** The state of a version installed but waiting for an operator to approve permissions. */
    public static final String STATE_PENDING = "pending";
    /** The state of a version that takes no calls until an operator releases it. */
    public static final String STATE_QUARANTINED = "quarantined";

    public ActiveExtension {
        methods = List.copyOf(methods);
    }

    /** @return whether this version waits for approval (installed, not started, no entry instance) */
    public boolean pending() {
        return entry == null;
    }

    /** @return the kind the descriptor's type names (the pipeline deploys no other) */
    public ExtensionKind kind() {
        return ExtensionKind.of(type).orElseThrow(() -> new IllegalStateException("extension " + label()
                + " has type '" + type + "', which the host does not run"));
    }

    /**
     * @return the descriptor's {@code interface.events} (a hook's subscriptions, a policy's questions, an
     *         adapter's {@code export:<type>} entries); empty for a plugin
     */
    public List<String> events() {
        Object iface = descriptor.get("interface");
        Object events = iface instanceof Map<?, ?> map ? map.get("events") : null;
        return events instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** @return {@value #STATE_PENDING}, {@value #STATE_QUARANTINED} or {@value #STATE_ACTIVE} */
    public String state() {
        if (pending()) {
            return STATE_PENDING;
        }
        return runtime.quarantine().isPresent() ? STATE_QUARANTINED : STATE_ACTIVE;
    }

    /** @return the registry view of this extension */
    public ExtensionInfo info() {
        return new ExtensionInfo(id, name, version, type, state(), publisher, fingerprint, methods, deployedAt,
                source, descriptor);
    }

    /** @return the binary name of the entry class ({@code implementation.entry_point}) */
    public String entryPoint() {
        Object implementation = descriptor.get("implementation");
        return implementation instanceof Map<?, ?> map ? String.valueOf(map.get("entry_point")) : null;
    }

    /** @return this version, started: with its entry instance and class loader, and these permissions */
    public ActiveExtension started(Object created, ClassLoader loader, ExtensionPermissions granted) {
        return new ActiveExtension(id, name, version, type, methods, descriptor, publisher, fingerprint, created, loader,
                schemas, deployedAt, source, origin, sha256, bundle, granted, scan, runtime, dataFolder);
    }

    /** @return this version with other permissions (still pending if any are) */
    public ActiveExtension withPermissions(ExtensionPermissions changed) {
        return new ActiveExtension(id, name, version, type, methods, descriptor, publisher, fingerprint, entry,
                classLoader, schemas, deployedAt, source, origin, sha256, bundle, changed, scan, runtime, dataFolder);
    }

    /** @return {@code name version}, as messages quote an extension */
    public String label() {
        return name + " " + version;
    }
}
