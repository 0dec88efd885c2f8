package dev.palisade.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.host.bridge.HostProblem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads request bodies with a size limit. A body over the limit is a 413 {@code payload-too-large}
 * problem; a body that is not JSON is a 400 {@code malformed-json} problem naming the line and column.
 * Stateless.
 */
public final class RequestBodies {

    private static final int BUFFER = 64 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads the request's body as one JSON value.
     *
     * @param maxBytes the largest body accepted
     * @return the parsed value
     * @throws HostProblem 413 when the body is larger than {@code maxBytes}, 400 when it is empty or not
     *         JSON
     */
    public static JsonNode readJson(HttpServletRequest request, long maxBytes) throws IOException {
        checkDeclaredLength(request, maxBytes);
        return parseJson(readBytes(request.getInputStream(), maxBytes));
    }

    /**
     * Reads the request's body as a JSON object.
     *
     * @throws HostProblem as {@link #readJson}, and 400 {@code malformed-json} when the value is not an
     *         object
     */
    public static JsonNode readJsonObject(HttpServletRequest request, long maxBytes) throws IOException {
        JsonNode node = readJson(request, maxBytes);
        if (!node.isObject()) {
            throw new HostProblem(400, "malformed-json", "Malformed JSON body",
                    "the request body is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + ", not an object; send a JSON object",
                    Map.of());
        }
        return node;
    }

    /**
     * Parses bytes as one JSON value.
     *
     * @throws HostProblem 400 {@code malformed-json} naming line and column of the first error
     */
    public static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw new HostProblem(400, "malformed-json", "Malformed JSON body",
                    "the request body is empty; send a JSON object", Map.of());
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new HostProblem(400, "malformed-json", "Malformed JSON body",
                        "the request body holds no JSON value; send a JSON object", Map.of());
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new HostProblem(400, "malformed-json", "Malformed JSON body",
                    "the request body is not valid JSON at line " + line + ", column " + column + ": "
                            + e.getOriginalMessage() + "; send a well-formed JSON object",
                    lineAndColumn(line, column));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> lineAndColumn(int line, int column) {
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("line", line);
        props.put("column", column);
        return props;
    }

    /**
     * Reads a whole stream into memory.
     *
     * @throws HostProblem 413 when the stream holds more than {@code maxBytes}
     */
    public static byte[] readBytes(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, maxBytes);
        return out.toByteArray();
    }

    /**
     * Streams the request's body into a file (created or replaced).
     *
     * @return the number of bytes written
     * @throws HostProblem 413 when the body is larger than {@code maxBytes}; the partial file is deleted
     */
    public static long copyTo(HttpServletRequest request, Path file, long maxBytes) throws IOException {
        checkDeclaredLength(request, maxBytes);
        try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            return copy(in, out, maxBytes);
        } catch (HostProblem | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void checkDeclaredLength(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }

    /** @return the 413 problem for a body over {@code maxBytes} */
    public static HostProblem tooLarge(long maxBytes) {
        return new HostProblem(413, "payload-too-large", "Request body too large",
                "the request body is larger than the limit of " + maxBytes + " bytes; send a smaller body",
                Map.of("limit", maxBytes));
    }
}
