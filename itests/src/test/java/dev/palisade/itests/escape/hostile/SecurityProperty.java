package dev.palisade.itests.escape.hostile;

import java.security.Security;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Weakens a JVM-wide security setting. */
public final class SecurityProperty extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        return "security property changed";
    }
}
