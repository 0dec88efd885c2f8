package dev.palisade.itests.escape.hostile;

import java.lang.reflect.Proxy;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Defines a class at run time with java.lang.reflect.Proxy. */
public final class DynamicProxy extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Object proxy = Proxy.newProxyInstance(null, new Class<?>[] {Runnable.class}, (self, method, args) -> null);
        return proxy.getClass().getName();
    }
}
