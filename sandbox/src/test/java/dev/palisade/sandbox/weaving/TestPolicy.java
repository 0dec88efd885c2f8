package dev.palisade.sandbox.weaving;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.policy.DecisionPoint;
import dev.palisade.sandbox.policy.SandboxPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one policy installed in the decision point of the unit-test JVM (it can be installed once);
 * tests set grants per extension id and read what it was told.
 */
final class TestPolicy implements SandboxPolicy {

    static final TestPolicy INSTANCE = new TestPolicy();

    static {
        DecisionPoint.install(INSTANCE);
    }

    private final Map<String, Grants> grants = new ConcurrentHashMap<>();
    final List<SandboxViolation> told = new CopyOnWriteArrayList<>();

    static TestPolicy installed() {
        return INSTANCE;
    }

    /** @param permissions "kind target" strings, e.g. "file.read /tmp/x/**" */
    void grant(String extensionId, Path dataFolder, String... permissions) {
        grants.put(extensionId, Grants.of(dataFolder, List.of(permissions).stream().map(text -> {
            int space = text.indexOf(' ');
            return space < 0 ? Permission.parse(text, null)
                    : Permission.parse(text.substring(0, space), text.substring(space + 1));
        }).toList()));
    }

    @Override
    public Grants grantsFor(String extensionId) {
        return grants.getOrDefault(extensionId, Grants.none());
    }

    @Override
    public void violated(SandboxViolation violation) {
        told.add(violation);
    }
}
