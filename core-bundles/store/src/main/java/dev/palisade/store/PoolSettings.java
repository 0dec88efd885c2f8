package dev.palisade.store;

import java.time.Duration;

/**
 * Connection pool sizing. Defaults follow the protocol: at least 5 idle connections, at most 20,
 * a caller waits up to 30 s for a free connection, an idle connection above the minimum is closed
 * after 10 minutes.
 *
 * @param minIdle        connections kept open while idle, 0..maxSize
 * @param maxSize        connections at most, at least 1
 * @param acquireTimeout how long a caller waits for a busy pool before {@link StoreBusyException}
 * @param idleTimeout    how long an idle connection above {@code minIdle} is kept, at least 10 s
 */
public record PoolSettings(int minIdle, int maxSize, Duration acquireTimeout, Duration idleTimeout) {

    /** The protocol's defaults: 5, 20, 30 s, 10 min. */
    public static final PoolSettings DEFAULTS =
            new PoolSettings(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(10));

    /** @throws StoreConfigException when a value is out of range */
    public PoolSettings {
        if (maxSize < 1) {
            throw new StoreConfigException("palisade.db.pool.max", "must be at least 1, was " + maxSize);
        }
        if (minIdle < 0 || minIdle > maxSize) {
            throw new StoreConfigException("palisade.db.pool.min",
                    "must be between 0 and palisade.db.pool.max (" + maxSize + "), was " + minIdle);
        }
        if (acquireTimeout == null || acquireTimeout.toMillis() < 250) {
            throw new StoreConfigException("palisade.db.pool.acquire-timeout",
                    "must be at least 250 ms, was " + acquireTimeout);
        }
        if (idleTimeout == null || idleTimeout.toMillis() < 10_000) {
            throw new StoreConfigException("palisade.db.pool.idle-timeout",
                    "must be at least 10 s, was " + idleTimeout);
        }
    }

    public PoolSettings withMinIdle(int value) {
        return new PoolSettings(value, maxSize, acquireTimeout, idleTimeout);
    }

    public PoolSettings withMaxSize(int value) {
        return new PoolSettings(minIdle, value, acquireTimeout, idleTimeout);
    }

    public PoolSettings withAcquireTimeout(Duration value) {
        return new PoolSettings(minIdle, maxSize, value, idleTimeout);
    }

    public PoolSettings withIdleTimeout(Duration value) {
        return new PoolSettings(minIdle, maxSize, acquireTimeout, value);
    }
}
