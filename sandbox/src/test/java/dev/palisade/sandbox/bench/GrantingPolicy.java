package dev.palisade.sandbox.bench;

import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.SandboxPolicy;

/** The benchmark JVM's policy: one extension id with fixed grants; every other id gets none. */
record GrantingPolicy(String extensionId, Grants grants) implements SandboxPolicy {

    @Override
    public Grants grantsFor(String id) {
        return extensionId.equals(id) ? grants : Grants.none();
    }
}
