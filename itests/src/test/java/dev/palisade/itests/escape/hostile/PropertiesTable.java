package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Writes into the JVM's property table through System.getProperties(). */
public final class PropertiesTable extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return System.getProperties().setProperty("palisade.escape", "owned");
    }
}
