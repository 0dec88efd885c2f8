package dev.palisade.core.extension;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;

/** Test extension entry class whose constructor spins for {@link #SPIN_MS}, for the deploy-time limit. */
public class SlowConstructorPlugin implements Plugin {

    /** How long the constructor spins, in milliseconds. */
    public static final long SPIN_MS = 20_000;

    public SlowConstructorPlugin() {
        long end = System.nanoTime() + SPIN_MS * 1_000_000;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        if (spins < 0) {
            throw new IllegalStateException("unreachable");
        }
    }

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        return Map.of("words", 0);
    }
}
