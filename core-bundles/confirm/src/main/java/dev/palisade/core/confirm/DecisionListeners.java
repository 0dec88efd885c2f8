package dev.palisade.core.confirm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code ConfirmationGate.whenDecided} listeners waiting for confirmations to settle, kept in memory.
 * Each listener is called at most once: whoever takes it out first (the settling thread, or the
 * registering thread that found the confirmation already settled) calls it. A failing listener is logged
 * and does not keep the others from being called. Thread-safe.
 */
final class DecisionListeners {

    private static final System.Logger LOG = System.getLogger(DecisionListeners.class.getName());

    private final Map<String, List<Consumer<String>>> waiting = new ConcurrentHashMap<>();

    /** Adds a listener for {@code id}. */
    void add(String id, Consumer<String> listener) {
        waiting.compute(id, (k, list) -> {
            List<Consumer<String>> out = list == null ? new CopyOnWriteArrayList<>() : list;
            out.add(listener);
            return out;
        });
    }

    /** Calls {@code listener} with {@code status} unless a settle already took it. */
    void settleOne(String id, Consumer<String> listener, String status) {
        if (remove(id, listener)) {
            call(id, listener, status);
        }
    }

    /** @return whether {@code listener} was still waiting for {@code id} (it no longer is) */
    boolean remove(String id, Consumer<String> listener) {
        boolean[] removed = {false};
        waiting.computeIfPresent(id, (k, list) -> {
            removed[0] = list.remove(listener);
            return list.isEmpty() ? null : list;
        });
        return removed[0];
    }

    /** Calls, on this thread, every listener waiting for {@code id}, and forgets them. */
    void settle(String id, String status) {
        List<Consumer<String>> list = waiting.remove(id);
        if (list != null) {
            for (Consumer<String> listener : list) {
                if (list.remove(listener)) {
                    call(id, listener, status);
                }
            }
        }
    }

    /** @return the ids that listeners wait for */
    Set<String> waitedFor() {
        return Set.copyOf(waiting.keySet());
    }

    private static void call(String id, Consumer<String> listener, String status) {
        try {
            listener.accept(status);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a listener of confirmation " + id + " failed on status " + status
                    + "; the other listeners are still told", e);
        }
    }
}
