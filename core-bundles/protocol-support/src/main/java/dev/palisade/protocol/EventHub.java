package dev.palisade.protocol;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

import dev.palisade.host.bridge.HostProblem;

/**
 * Live events of one module (spans recorded, execution log lines) fanned out to subscribers, each with
 * its own bounded queue: a slow subscriber loses its oldest events and is told so, it never slows the
 * publisher. A hub holds at most {@link #maxSubscribers()} open subscriptions (by default
 * {@value #DEFAULT_MAX_SUBSCRIBERS}): each live stream keeps a request thread while it is connected, so past the
 * cap a subscription is refused with 503 {@code stream-limit} ({@code Retry-After}) instead of starving the REST
 * API of threads. Thread-safe.
 *
 * @param <T> the event type
 */
public final class EventHub<T> {

    /** The most open subscriptions of a hub made with {@link #EventHub()}. */
    public static final int DEFAULT_MAX_SUBSCRIBERS = 32;

    /** The seconds a client refused for {@code stream-limit} is told to wait ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final Set<Subscription<T>> subscriptions = new CopyOnWriteArraySet<>();
    private final int maxSubscribers;
    private volatile boolean closed;

    /** A hub holding at most {@value #DEFAULT_MAX_SUBSCRIBERS} open subscriptions. */
    public EventHub() {
        this(DEFAULT_MAX_SUBSCRIBERS);
    }

    /** @param maxSubscribers the most open subscriptions, at least 1 */
    public EventHub(int maxSubscribers) {
        if (maxSubscribers < 1) {
            throw new IllegalArgumentException("maxSubscribers must be at least 1, was " + maxSubscribers);
        }
        this.maxSubscribers = maxSubscribers;
    }

    /**
     * @param filter   which events the subscriber wants
     * @param capacity how many unread events it may fall behind before the oldest are dropped
     * @return the subscription; close it when done (that frees its place)
     * @throws HostProblem 503 {@code stream-limit} (property {@code retry_after_seconds}) when
     *                     {@link #maxSubscribers()} subscriptions are open
     */
    public Subscription<T> subscribe(Predicate<? super T> filter, int capacity) {
        Subscription<T> s = new Subscription<>(this, filter, capacity);
        synchronized (subscriptions) {
            if (subscriptions.size() >= maxSubscribers) {
                throw new HostProblem(503, "stream-limit", "Stream limit", "all " + maxSubscribers
                        + " live streams of this kind are open; retry after " + RETRY_AFTER_SECONDS
                        + " seconds or close a stream you hold",
                        Map.of("limit", maxSubscribers, "retry_after_seconds", RETRY_AFTER_SECONDS));
            }
            subscriptions.add(s);
        }
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

    /** @return the most open subscriptions this hub accepts */
    public int maxSubscribers() {
        return maxSubscribers;
    }

    /** @return the number of open subscriptions */
    public int subscribers() {
        return subscriptions.size();
    }

    void remove(Subscription<T> s) {
        subscriptions.remove(s);
    }
}
