package dev.palisade.itests.mplp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.extension.UnknownMethodException;

/**
 * The execute tests' plugin: {@code noop} answers {@code {}}; {@code flaky} fails its first {@code failures}
 * calls per {@code key} with an exception (the host answers 502, which the engine retries); {@code fail}
 * always fails so; {@code sleep} waits {@code ms} milliseconds.
 */
public final class ExecuteFixture implements Plugin {

    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        switch (method) {
            case "noop":
                return Map.of();
            case "flaky":
                int n = calls.merge((String) input.get("key"), 1, Integer::sum);
                if (n <= ((Number) input.get("failures")).intValue()) {
                    throw new IllegalStateException("flaky call " + n + " of " + input.get("key"));
                }
                return Map.of("calls", n);
            case "fail":
                throw new IllegalStateException("this task always fails");
            case "sleep":
                long ms = ((Number) input.get("ms")).longValue();
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of("slept", ms);
            default:
                throw new UnknownMethodException(method);
        }
    }
}
