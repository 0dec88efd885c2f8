package dev.palisade.protocol;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Small request bodies of module actions ({@code {"snapshot_id": ...}}, {@code {"parent_id": ...}}):
 * members read with a 400 {@code schema-violation} naming the member when it is missing or of the wrong
 * type. Stateless.
 */
public final class RequestJson {

    private RequestJson() {
    }

    /**
     * @return the body as a JSON object; an empty object when the request has no body
     * @throws dev.palisade.host.bridge.HostProblem 400 {@code malformed-json} when the body is not an
     *         object, 413 when it is larger than {@code maxBytes}
     */
    public static JsonNode optionalObject(HttpServletRequest request, long maxBytes) throws IOException {
        byte[] body = RequestBodies.readBytes(request.getInputStream(), maxBytes);
        if (body.length == 0) {
            return JsonColumns.tree((Object) Map.of());
        }
        JsonNode node = RequestBodies.parseJson(body);
        if (!node.isObject()) {
            throw ProtocolProblems.invalid("the request body is not accepted", "", "type",
                    "the body must be a JSON object");
        }
        return node;
    }

    /** @return the string member {@code name}, or {@code null} when it is absent or null */
    public static String optionalText(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProtocolProblems.invalid("the request body is not accepted", "/" + name, "type",
                    name + " must be a string");
        }
        return value.asText();
    }

    /** @return the non-empty string member {@code name} */
    public static String requiredText(JsonNode object, String name) {
        String value = optionalText(object, name);
        if (value == null || value.isEmpty()) {
            throw ProtocolProblems.invalid("the request body is not accepted", "/" + name, "required",
                    name + " (a non-empty string) is required");
        }
        return value;
    }
}
