package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.TimeZone;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Changes the JVM's default time zone. */
public final class DefaultTimeZone extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        return TimeZone.getDefault().getID();
    }
}
