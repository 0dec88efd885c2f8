package dev.palisade.core.extension.isolate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.api.capability.HttpResult;

/**
 * The capability operations a strict extension's child JVM asks the host to perform, by name, with JSON
 * arguments and a JSON answer: the host runs each on the invocation's own {@link Capabilities} (the same grants,
 * denials, audit and data folder as an in-process call), so nothing of the host's secrets, key-value store or
 * HTTP client lives in the child. Bytes travel as Base64. Stateless.
 */
final class CapabilityOps {

    static final String READ_STRING = "files.readString";
    static final String READ_BYTES = "files.readBytes";
    static final String WRITE_STRING = "files.writeString";
    static final String WRITE_BYTES = "files.writeBytes";
    static final String EXISTS = "files.exists";
    static final String LIST = "files.list";
    static final String DELETE = "files.delete";
    static final String HTTP_SEND = "http.send";
    static final String HTTP_GET = "http.get";
    static final String SECRET = "secrets.read";
    static final String STORE_GET = "store.get";
    static final String STORE_PUT = "store.put";
    static final String STORE_REMOVE = "store.remove";
    static final String STORE_KEYS = "store.keys";
    static final String LOG_INFO = "log.info";
    static final String LOG_WARN = "log.warn";
    static final String LOG_ERROR = "log.error";

    private CapabilityOps() {
    }

    /**
     * Performs one operation on the host side.
     *
     * @return the answer as JSON values ({@code null} for operations without one)
     * @throws IllegalArgumentException for an operation this host does not know
     * @throws RuntimeException         whatever the capability threw (a denial, an extension error)
     */
    static Object perform(Capabilities capabilities, String op, List<?> args) {
        switch (op) {
            case READ_STRING:
                return capabilities.files().readString(text(args, 0));
            case READ_BYTES:
                return Base64.getEncoder().encodeToString(capabilities.files().readBytes(text(args, 0)));
            case WRITE_STRING:
                capabilities.files().writeString(text(args, 0), text(args, 1));
                return null;
            case WRITE_BYTES:
                capabilities.files().writeBytes(text(args, 0), Base64.getDecoder().decode(text(args, 1)));
                return null;
            case EXISTS:
                return capabilities.files().exists(text(args, 0));
            case LIST:
                return capabilities.files().list(text(args, 0));
            case DELETE:
                capabilities.files().delete(text(args, 0));
                return null;
            case HTTP_SEND:
                Object millis = args.get(4);
                return result(capabilities.http().send(text(args, 0), text(args, 1), headers(args.get(2)),
                        text(args, 3), millis == null ? null : Duration.ofMillis(((Number) millis).longValue())));
            case HTTP_GET:
                return result(capabilities.http().get(text(args, 0)));
            case SECRET:
                return capabilities.secrets().read(text(args, 0));
            case STORE_GET:
                Optional<Object> value = capabilities.store().get(text(args, 0));
                return value.isPresent() ? List.of(value.get()) : List.of();
            case STORE_PUT:
                capabilities.store().put(text(args, 0), args.get(1));
                return null;
            case STORE_REMOVE:
                return capabilities.store().remove(text(args, 0));
            case STORE_KEYS:
                return new ArrayList<>(capabilities.store().keys());
            case LOG_INFO:
                capabilities.log().info(text(args, 0));
                return null;
            case LOG_WARN:
                capabilities.log().warn(text(args, 0));
                return null;
            case LOG_ERROR:
                capabilities.log().error(text(args, 0));
                return null;
            default:
                throw new IllegalArgumentException("the child JVM asked for capability operation '" + op
                        + "', which this host does not know; the child and the host come from different builds");
        }
    }

    /** @return an HTTP answer as JSON values */
    static Map<String, Object> result(HttpResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", result.status());
        json.put("headers", result.headers());
        json.put("body", result.body());
        return json;
    }

    /** @return the HTTP answer {@link #result} wrote */
    @SuppressWarnings("unchecked")
    static HttpResult httpResult(Object json) {
        Map<String, Object> map = (Map<String, Object>) json;
        return new HttpResult(((Number) map.get("status")).intValue(),
                (Map<String, List<String>>) map.get("headers"), (String) map.get("body"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Object json) {
        return json == null ? null : (Map<String, String>) json;
    }

    private static String text(List<?> args, int index) {
        Object value = args.get(index);
        return value == null ? null : value.toString();
    }
}
