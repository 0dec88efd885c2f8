package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Defines a class from bytes with its own ClassLoader subclass. */
public final class OwnClassLoader extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        byte[] bytes = java.util.Base64.getDecoder().decode(text(input, "name"));
        return new Definer().define(bytes).getName();
    }

    /** A class loader that defines whatever it is given. */
    static final class Definer extends ClassLoader {
        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }
}
