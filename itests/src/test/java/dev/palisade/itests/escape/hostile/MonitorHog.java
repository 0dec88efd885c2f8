package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: holds the monitor of System.err, which the JVM shares with the host, for
 * "millis" milliseconds; on JDK 17 every host thread that writes to standard error waits.
 */
public final class MonitorHog extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        synchronized (System.err) {
            Thread.sleep(number(input, "millis"));
        }
        return "released";
    }
}
