package dev.palisade.itests.escape.hostile;

import java.lang.reflect.Field;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Opens a private field of the host's InvocationContext object with setAccessible. */
public final class SetAccessibleOnHost extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Field field = context.getClass().getDeclaredFields()[0];
        field.setAccessible(true);
        return field.get(context);
    }
}
