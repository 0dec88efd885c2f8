package dev.palisade.protocol;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One subscriber's queue of an {@link EventHub}. One thread reads ({@link #next}); publishers add.
 *
 * @param <T> the event type
 */
public final class Subscription<T> implements AutoCloseable {

    private final EventHub<T> hub;
    private final Predicate<? super T> filter;
    private final int capacity;
    private final Deque<T> queue = new ArrayDeque<>();
    private long dropped;
    private boolean ended;

    Subscription(EventHub<T> hub, Predicate<? super T> filter, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.hub = hub;
        this.filter = filter;
        this.capacity = capacity;
    }

    synchronized void offer(T event) {
        if (ended || !filter.test(event)) {
            return;
        }
        if (queue.size() == capacity) {
            queue.removeFirst();
            dropped++;
        }
        queue.addLast(event);
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /**
     * Waits up to {@code wait} for the next event.
     *
     * @return the event, or empty when none came in time or the subscription ended
     * @throws InterruptedException when the reading thread is interrupted
     */
    public synchronized Optional<T> next(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (queue.isEmpty() && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.ofNullable(queue.pollFirst());
    }

    /** @return whether the hub closed or the subscription was closed, and every queued event was read */
    public synchronized boolean finished() {
        return ended && queue.isEmpty();
    }

    /** @return how many events were dropped because this subscriber fell behind, and resets the count */
    public synchronized long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }

    @Override
    public void close() {
        end();
        hub.remove(this);
    }
}
