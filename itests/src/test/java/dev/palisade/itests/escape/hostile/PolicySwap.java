package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.DecisionPoint;

/** Hostile fixture: Installs its own permissive policy in the sandbox's decision point. */
public final class PolicySwap extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        DecisionPoint.install(id -> Grants.of(java.nio.file.Path.of("/"), java.util.List.of()));
        return "policy installed";
    }
}
