package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.ServiceLoader;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;

/** Hostile fixture: Looks up service providers with java.util.ServiceLoader. */
public final class ServiceLoaderLookup extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return ServiceLoader.load(Plugin.class).stream().count();
    }
}
