package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.api.capability.ExtensionFiles;
import dev.palisade.api.capability.ExtensionHttp;
import dev.palisade.api.capability.ExtensionLog;
import dev.palisade.api.capability.KeyValueStore;
import dev.palisade.api.capability.Secrets;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The capabilities handed to one invocation, made by {@link CapabilityFactory#forInvocation}. The
 * host {@linkplain #close closes} it when the invocation ends (returns, fails or times out); from
 * then on every capability except the clock throws {@code capabilities_expired}, so one kept by
 * the extension (in a field, or on a thread it started) stops working with the invocation's grants.
 * Thread-safe.
 */
public final class InvocationCapabilities implements Capabilities, AutoCloseable {

    private final InvocationScope scope;
    private final ExtensionFiles files;
    private final ExtensionHttp http;
    private final Secrets secrets;
    private final KeyValueStore store;
    private final ExtensionLog log;
    private final Clock clock;

    InvocationCapabilities(InvocationScope scope, ExtensionFiles files, ExtensionHttp http, Secrets secrets,
            KeyValueStore store, ExtensionLog log, Clock clock) {
        this.scope = scope;
        this.files = files;
        this.http = http;
        this.secrets = secrets;
        this.store = new ScopedStore(scope, store);
        this.log = log;
        this.clock = clock;
    }

    @Override
    public ExtensionFiles files() {
        return files;
    }

    @Override
    public ExtensionHttp http() {
        return http;
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    @Override
    public ExtensionLog log() {
        return log;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** @return the id of the invocation these capabilities belong to */
    public String invocationId() {
        return scope.invocationId();
    }

    /** Ends these capabilities; idempotent. */
    @Override
    public void close() {
        scope.close();
    }

    /** The extension's shared store, usable only while the invocation runs. */
    private record ScopedStore(InvocationScope scope, KeyValueStore store) implements KeyValueStore {

        @Override
        public Optional<Object> get(String key) {
            scope.requireOpen();
            return store.get(key);
        }

        @Override
        public void put(String key, Object value) {
            scope.requireOpen();
            store.put(key, value);
        }

        @Override
        public boolean remove(String key) {
            scope.requireOpen();
            return store.remove(key);
        }

        @Override
        public Set<String> keys() {
            scope.requireOpen();
            return store.keys();
        }
    }
}
