package dev.palisade.core.extension.capability;

import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.Permission;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A factory on temporary folders and grants written as "kind target" lines, for the capability tests. */
final class CapabilityTesting {

    final Path home;
    final Path dataDir;
    final CapabilityFactory factory;
    final String extensionId = UUID.randomUUID().toString();

    CapabilityTesting(Path temp) {
        this(temp, Clock.systemUTC());
    }

    CapabilityTesting(Path temp, Clock clock) {
        this.home = temp.resolve("home");
        this.dataDir = temp.resolve("data");
        this.factory = new CapabilityFactory(home.resolve("etc/secrets"), dataDir.resolve("extensions"), clock, null);
    }

    /** @param grants lines such as {@code "file.read reports/**"} or {@code "thread.create"} */
    InvocationCapabilities capabilities(String... grants) {
        return factory.forInvocation(extensionId, "test-extension", grants(grants), "inv-" + UUID.randomUUID());
    }

    Grants grants(String... lines) {
        List<Permission> permissions = new ArrayList<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            permissions.add(space < 0 ? Permission.parse(line, null)
                    : Permission.parse(line.substring(0, space), line.substring(space + 1)));
        }
        return Grants.of(factory.dataFolder(extensionId), permissions);
    }

    Path dataFolder() {
        return factory.dataFolder(extensionId);
    }
}
