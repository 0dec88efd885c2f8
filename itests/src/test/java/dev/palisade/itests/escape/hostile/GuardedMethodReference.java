package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.function.UnaryOperator;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads a property through a method reference, hoping the call from the JDK's lambda class is not guarded. */
public final class GuardedMethodReference extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        UnaryOperator<String> read = System::getProperty;
        return read.apply("user.home");
    }
}
