package dev.palisade.protocol;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

/**
 * Live events of one module (spans recorded, execution log lines) fanned out to subscribers, each with
 * its own bounded queue: a slow subscriber loses its oldest events and is told so, it never slows the
 * publisher. Thread-safe.
 *
 * @param <T> the event type
 */
public final class EventHub<T> {

    private final Set<Subscription<T>> subscriptions = new CopyOnWriteArraySet<>();
    private volatile boolean closed;

    /**
     * @param filter   which events the subscriber wants
     * @param capacity how many unread events it may fall behind before the oldest are dropped
     * @return the subscription; close it when done
     */
    public Subscription<T> subscribe(Predicate<? super T> filter, int capacity) {
        Subscription<T> s = new Subscription<>(this, filter, capacity);
        subscriptions.add(s);
        if (closed) {
            s.end();
        }
        return s;
    }

    /** Hands {@code event} to every subscriber whose filter accepts it; never blocks. */
    public void publish(T event) {
        for (Subscription<T> s : subscriptions) {
            s.offer(event);
        }
    }

    /** Ends every subscription (the module stops); later subscriptions end at once. */
    public void close() {
        closed = true;
        for (Subscription<T> s : subscriptions) {
            s.end();
        }
    }

    /** @return the number of open subscriptions */
    public int subscribers() {
        return subscriptions.size();
    }

    void remove(Subscription<T> s) {
        subscriptions.remove(s);
    }
}
