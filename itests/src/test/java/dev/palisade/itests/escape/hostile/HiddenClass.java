package dev.palisade.itests.escape.hostile;

import java.lang.invoke.MethodHandles;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Defines a hidden class from bytes with Lookup.defineHiddenClass. */
public final class HiddenClass extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        byte[] bytes = java.util.Base64.getDecoder().decode(text(input, "name"));
        return MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass().getName();
    }
}
