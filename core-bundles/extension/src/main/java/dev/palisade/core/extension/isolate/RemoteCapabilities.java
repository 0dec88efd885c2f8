package dev.palisade.core.extension.isolate;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.api.capability.ExtensionFiles;
import dev.palisade.api.capability.ExtensionHttp;
import dev.palisade.api.capability.ExtensionLog;
import dev.palisade.api.capability.HttpResult;
import dev.palisade.api.capability.KeyValueStore;
import dev.palisade.api.capability.Secrets;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.extension.InvalidInputException;
import dev.palisade.api.sandbox.SandboxViolation;

/**
 * The capabilities of one call inside a strict extension's child JVM: each use is a {@link Pipe#CAPABILITY}
 * request that the host performs with the invocation's own capabilities ({@link CapabilityOps}); the calling
 * thread waits for the {@link Pipe#REPLY}. A failure comes back as the exception the extension would have seen
 * in the host: a {@link SandboxViolation} (already counted by the host), an {@link ExtensionException} with the
 * capability's code. Only the clock is local. Closed when the call ends: later uses throw
 * {@code capabilities_expired}. Thread-safe.
 */
final class RemoteCapabilities implements Capabilities {

    private final Pipe pipe;
    private final long call;
    private final String extensionId;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentMap<Long, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RemoteCapabilities(Pipe pipe, long call, String extensionId) {
        this.pipe = pipe;
        this.call = call;
        this.extensionId = extensionId;
    }

    /** Hands a {@link Pipe#REPLY} to the thread waiting for it; a reply nobody waits for is dropped. */
    void reply(Map<String, Object> reply) {
        CompletableFuture<Map<String, Object>> future = waiting.remove(((Number) reply.get("id")).longValue());
        if (future != null) {
            future.complete(reply);
        }
    }

    /** Ends these capabilities: threads still waiting are released with {@code capabilities_expired}. */
    void close() {
        closed = true;
        waiting.values().forEach(future -> future.complete(Map.of()));
    }

    private Object ask(String op, Object... args) {
        if (closed) {
            throw expired();
        }
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> future = new CompletableFuture<>();
        waiting.put(id, future);
        Map<String, Object> request = Pipe.message(Pipe.CAPABILITY);
        request.put("call", call);
        request.put("id", id);
        request.put("op", op);
        request.put("args", Arrays.asList(args));
        Map<String, Object> reply;
        try {
            pipe.send(request);
            reply = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException("interrupted", "the capability " + op + " was interrupted");
        } catch (ExecutionException e) {
            throw expired();
        } finally {
            waiting.remove(id);
        }
        if (reply.get("failure") instanceof Map<?, ?> failure) {
            throw rethrown(failure);
        }
        if (!reply.containsKey("value")) {
            throw expired();
        }
        return reply.get("value");
    }

    private RuntimeException rethrown(Map<?, ?> failure) {
        String kind = String.valueOf(failure.get("kind"));
        String detail = String.valueOf(failure.get("detail"));
        switch (kind) {
            case "VIOLATION":
                return new SandboxViolation(extensionId, String.valueOf(failure.get("permission")),
                        String.valueOf(failure.get("target")));
            case "INVALID_INPUT":
                return new InvalidInputException(String.valueOf(failure.get("field")), detail);
            case "EXTENSION_ERROR":
                return new ExtensionException(String.valueOf(failure.get("code")), detail);
            default:
                return new ExtensionException("capability_failed", failure.get("class") + ": " + detail);
        }
    }

    private ExtensionException expired() {
        return new ExtensionException("capabilities_expired", "the capabilities of this invocation ended with it;"
                + " use the capabilities of the invocation that is running");
    }

    private String text(String op, Object... args) {
        return (String) ask(op, args);
    }

    @Override
    public ExtensionFiles files() {
        return new ExtensionFiles() {
            @Override
            public String readString(String path) {
                return text(CapabilityOps.READ_STRING, path);
            }

            @Override
            public byte[] readBytes(String path) {
                return Base64.getDecoder().decode(text(CapabilityOps.READ_BYTES, path));
            }

            @Override
            public void writeString(String path, String content) {
                ask(CapabilityOps.WRITE_STRING, path, content);
            }

            @Override
            public void writeBytes(String path, byte[] content) {
                ask(CapabilityOps.WRITE_BYTES, path, content == null ? null : Base64.getEncoder().encodeToString(content));
            }

            @Override
            public boolean exists(String path) {
                return (Boolean) ask(CapabilityOps.EXISTS, path);
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<String> list(String folder) {
                return List.copyOf((List<String>) ask(CapabilityOps.LIST, folder));
            }

            @Override
            public void delete(String path) {
                ask(CapabilityOps.DELETE, path);
            }
        };
    }

    @Override
    public ExtensionHttp http() {
        return new ExtensionHttp() {
            @Override
            public HttpResult send(String method, String uri, Map<String, String> headers, String body,
                    Duration timeout) {
                return CapabilityOps.httpResult(ask(CapabilityOps.HTTP_SEND, method, uri, headers, body,
                        timeout == null ? null : timeout.toMillis()));
            }

            @Override
            public HttpResult get(String uri) {
                return CapabilityOps.httpResult(ask(CapabilityOps.HTTP_GET, uri));
            }
        };
    }

    @Override
    public Secrets secrets() {
        return name -> text(CapabilityOps.SECRET, name);
    }

    @Override
    public KeyValueStore store() {
        return new KeyValueStore() {
            @Override
            public Optional<Object> get(String key) {
                List<?> found = (List<?>) ask(CapabilityOps.STORE_GET, key);
                return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
            }

            @Override
            public void put(String key, Object value) {
                ask(CapabilityOps.STORE_PUT, key, value);
            }

            @Override
            public boolean remove(String key) {
                return (Boolean) ask(CapabilityOps.STORE_REMOVE, key);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Set<String> keys() {
                return Set.copyOf(new LinkedHashSet<>((List<String>) ask(CapabilityOps.STORE_KEYS)));
            }
        };
    }

    @Override
    public ExtensionLog log() {
        return new ExtensionLog() {
            @Override
            public void info(String message) {
                ask(CapabilityOps.LOG_INFO, message);
            }

            @Override
            public void warn(String message) {
                ask(CapabilityOps.LOG_WARN, message);
            }

            @Override
            public void error(String message) {
                ask(CapabilityOps.LOG_ERROR, message);
            }
        };
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
