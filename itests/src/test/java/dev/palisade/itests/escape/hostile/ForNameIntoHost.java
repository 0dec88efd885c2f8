package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Loads the host's extension registry class by name. */
public final class ForNameIntoHost extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Class.forName("dev.palisade.core.extension.LocalExtensionHost").getName();
    }
}
