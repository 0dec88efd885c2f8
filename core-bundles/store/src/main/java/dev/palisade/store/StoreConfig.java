package dev.palisade.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store's database is and how the pool behaves. Immutable; {@link #toString()} never shows
 * the password.
 *
 * <p>Settings (framework properties or etc/palisade.properties keys): {@value #DATA_DIR},
 * {@value #URL}, {@value #USER}, {@value #POOL_MIN}, {@value #POOL_MAX}, {@value #POOL_ACQUIRE_TIMEOUT},
 * {@value #POOL_IDLE_TIMEOUT}, {@value #FAIL_FAST_TIMEOUT} (durations as ISO-8601 like {@code PT30S} or
 * plain milliseconds). The password comes only from the environment variable {@value #PASSWORD_ENV}.
 */
public final class StoreConfig {

    public static final String DATA_DIR = "palisade.data.dir";
    public static final String URL = "palisade.db.url";
    public static final String USER = "palisade.db.user";
    public static final String POOL_MIN = "palisade.db.pool.min";
    public static final String POOL_MAX = "palisade.db.pool.max";
    public static final String POOL_ACQUIRE_TIMEOUT = "palisade.db.pool.acquire-timeout";
    public static final String POOL_IDLE_TIMEOUT = "palisade.db.pool.idle-timeout";
    public static final String FAIL_FAST_TIMEOUT = "palisade.db.fail-fast-timeout";
    public static final String PASSWORD_ENV = "PALISADE_DB_PASSWORD";

    /** Default time to give up on an unreachable database: seconds, not the pool's 30 s. */
    public static final Duration DEFAULT_FAIL_FAST = Duration.ofSeconds(3);

    private final String url;
    private final String user;
    private final String password;
    private final PoolSettings pool;
    private final Duration failFastTimeout;

    private StoreConfig(String url, String user, String password, PoolSettings pool, Duration failFastTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.pool = Objects.requireNonNull(pool, "pool");
        if (failFastTimeout == null || failFastTimeout.toMillis() < 250) {
            throw new StoreConfigException(FAIL_FAST_TIMEOUT, "must be at least 250 ms, was " + failFastTimeout);
        }
        this.failFastTimeout = failFastTimeout;
        DatabaseKind.ofUrl(url);
    }

    /**
     * The embedded default: an H2 file database {@code <dataDir>/db/palisade}, user {@code palisade}.
     */
    public static StoreConfig h2In(Path dataDir) {
        return of(h2UrlIn(dataDir), "palisade", null);
    }

    /** @return the JDBC URL of the embedded database under {@code dataDir} */
    public static String h2UrlIn(Path dataDir) {
        Path base = dataDir.toAbsolutePath().normalize().resolve("db").resolve("palisade");
        return "jdbc:h2:file:" + base.toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A database by URL with the default pool. */
    public static StoreConfig of(String url, String user, String password) {
        return new StoreConfig(url, user, password, PoolSettings.DEFAULTS, DEFAULT_FAIL_FAST);
    }

    /**
     * Reads the settings named in the class comment.
     *
     * @param settings framework properties or configuration keys; {@value #URL} wins over
     *                 {@value #DATA_DIR}, one of them is required
     * @param env      the process environment; only {@value #PASSWORD_ENV} is read
     * @throws StoreConfigException naming the first setting that is missing or malformed
     */
    public static StoreConfig fromSettings(Map<String, String> settings, Map<String, String> env) {
        String url = blankToNull(settings.get(URL));
        if (url == null) {
            String dataDir = blankToNull(settings.get(DATA_DIR));
            if (dataDir == null) {
                throw new StoreConfigException(URL, "no database configured: set " + URL
                        + " (jdbc:postgresql://HOST:PORT/DB) or " + DATA_DIR + " for the embedded H2 database");
            }
            url = h2UrlIn(Path.of(dataDir));
        }
        String user = blankToNull(settings.get(USER));
        if (user == null && DatabaseKind.ofUrl(url) == DatabaseKind.H2) {
            user = "palisade";
        }
        PoolSettings defaults = PoolSettings.DEFAULTS;
        int max = intSetting(settings, POOL_MAX, defaults.maxSize());
        PoolSettings pool = new PoolSettings(
                intSetting(settings, POOL_MIN, Math.min(defaults.minIdle(), max)),
                max,
                durationSetting(settings, POOL_ACQUIRE_TIMEOUT, defaults.acquireTimeout()),
                durationSetting(settings, POOL_IDLE_TIMEOUT, defaults.idleTimeout()));
        Duration failFast = durationSetting(settings, FAIL_FAST_TIMEOUT, DEFAULT_FAIL_FAST);
        return new StoreConfig(url, user, blankToNull(env.get(PASSWORD_ENV)), pool, failFast);
    }

    public StoreConfig withPool(PoolSettings value) {
        return new StoreConfig(url, user, password, value, failFastTimeout);
    }

    public StoreConfig withFailFastTimeout(Duration value) {
        return new StoreConfig(url, user, password, pool, value);
    }

    /** @return the JDBC URL as configured (it may hold a password: print {@link #redactedUrl()}) */
    public String url() {
        return url;
    }

    /** @return the URL with any password removed, for messages and logs */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** @return whether a password was given (from {@value #PASSWORD_ENV}) */
    public boolean hasPassword() {
        return password != null;
    }

    public DatabaseKind kind() {
        return DatabaseKind.ofUrl(url);
    }

    public PoolSettings pool() {
        return pool;
    }

    /** @return how long a call waits on an unreachable database before {@link StoreUnavailableException} */
    public Duration failFastTimeout() {
        return failFastTimeout;
    }

    @Override
    public String toString() {
        return "StoreConfig[" + redactedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", " + pool + ", failFast=" + failFastTimeout + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int intSetting(Map<String, String> settings, String key, int fallback) {
        String v = blankToNull(settings.get(key));
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new StoreConfigException(key, "expected a whole number, was [" + v + "]");
        }
    }

    private static Duration durationSetting(Map<String, String> settings, String key, Duration fallback) {
        String v = blankToNull(settings.get(key));
        if (v == null) {
            return fallback;
        }
        try {
            return v.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(v)) : Duration.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new StoreConfigException(key, "expected a duration like PT30S or milliseconds, was [" + v + "]");
        }
    }
}
