package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Misbehaving fixture: tries to start 20 threads (each would spin forever), catching every
 * denial and trying again, then answers how many it started.
 */
public final class ThreadStarter extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        int started = 0;
        for (int i = 0; i < 20; i++) {
            try {
                Thread thread = new Thread(() -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                });
                thread.setDaemon(true);
                thread.start();
                started++;
            } catch (SecurityException denied) {
                // try again
            }
        }
        return started;
    }
}
