package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.Timer;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Schedules work on a java.util.Timer thread that outlives the invocation. */
public final class TimerTask extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        new Timer(true).schedule(new java.util.TimerTask() {
            @Override
            public void run() {
            }
        }, 60_000L);
        return "scheduled";
    }
}
