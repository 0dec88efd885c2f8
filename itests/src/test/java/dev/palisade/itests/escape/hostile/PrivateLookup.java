package dev.palisade.itests.escape.hostile;

import java.lang.invoke.MethodHandles;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Gets a private lookup into the host's InvocationContext class with privateLookupIn. */
public final class PrivateLookup extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return MethodHandles.privateLookupIn(context.getClass(), MethodHandles.lookup()).lookupClass();
    }
}
