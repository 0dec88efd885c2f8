package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reaches System.exit through reflection, hoping reflection is not checked. */
public final class ReflectiveExit extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return System.class.getMethod("exit", int.class).invoke(null, 17);
    }
}
