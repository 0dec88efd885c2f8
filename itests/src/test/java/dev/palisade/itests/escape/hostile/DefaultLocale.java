package dev.palisade.itests.escape.hostile;

import java.util.Locale;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Changes the JVM's default locale. */
public final class DefaultLocale extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Locale.setDefault(Locale.CHINA);
        return Locale.getDefault();
    }
}
