package dev.palisade.core.extension.kinds;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.core.extension.invoke.EntryCall;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.run.ExtensionRuntime;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.sandbox.permission.Permission;

/** A registry of hook, policy and adapter extensions made of plain objects, outside a framework. */
final class KindsTesting implements AutoCloseable {

    private static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"), "palisade-kinds-test");

    final ExtensionRegistry registry = new ExtensionRegistry();
    final EntryCall calls = new EntryCall(CapabilityFactory.forHost(SCRATCH, SCRATCH));
    private final List<ExtensionRuntime> runtimes = new ArrayList<>();

    /** Deploys a started extension whose entry instance is {@code entry}, with a 5 s time limit. */
    ActiveExtension add(String type, String name, List<String> events, Object entry) {
        return add(type, name, events, entry, Duration.ofSeconds(5), ExtensionPermissions.NONE);
    }

    ActiveExtension add(String type, String name, List<String> events, Object entry, Duration timeout,
            ExtensionPermissions permissions) {
        String id = UUID.randomUUID().toString();
        ExtensionRuntime runtime = new ExtensionRuntime(id, name, "1.0.0", timeout, RuntimeLimits.defaults(),
                (who, action, target, detail) -> { }, Clock.systemUTC());
        runtimes.add(runtime);
        ActiveExtension extension = new ActiveExtension(id, name, "1.0.0", type, List.of(),
                Map.of("interface", Map.of("events", events)), "CN=Publisher", "ab", entry,
                entry == null ? null : KindsTesting.class.getClassLoader(), null, Instant.EPOCH,
                DeploymentSource.REST, Path.of("/" + name + ".jar"), "00", null, permissions, Map.of(), runtime,
                SCRATCH);
        registry.switchTo(extension);
        return extension;
    }

    /** Deploys a pending extension (not started) that waits for approval of {@code net.connect}. */
    ActiveExtension addPending(String type, String name, List<String> events) {
        Permission net = Permission.parse("net.connect", "127.0.0.1:8080");
        return add(type, name, events, null, Duration.ofSeconds(5),
                new ExtensionPermissions(List.of(net), List.of(), List.of(), List.of()));
    }

    @Override
    public void close() {
        runtimes.forEach(ExtensionRuntime::close);
    }
}
