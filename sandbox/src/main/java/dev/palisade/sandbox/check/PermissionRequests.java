package dev.palisade.sandbox.check;

import static dev.palisade.sandbox.check.SchemaProblems.line;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.permission.InvalidPermissionException;
import dev.palisade.sandbox.permission.Permission;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the permissions an extension requests: the descriptor's {@code security.permissions} array
 * of objects {@code {"permission": "<kind>", "target": "<target>"}} ({@code target} omitted for
 * thread.create). A missing {@code security} or {@code permissions} means no request. Thread-safe.
 */
public final class PermissionRequests {

    private static final String POINTER = "/security/permissions";

    private PermissionRequests() {
    }

    /**
     * @param descriptor the whole descriptor JSON (as {@link ExtensionDescriptor#json()})
     * @return the requested permissions in order, duplicates removed
     * @throws DeploymentRefusedException INVALID_DESCRIPTOR listing every invalid request by index
     */
    public static List<Permission> read(JsonNode descriptor) {
        List<String> problems = new ArrayList<>();
        List<Permission> permissions = parse(descriptor, problems);
        if (!problems.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.INVALID_DESCRIPTOR, "the descriptor "
                    + DescriptorReader.DESCRIPTOR_PATH + " requests permissions that cannot be granted:\n  "
                    + String.join("\n  ", problems) + "\nfix each listed request and rebuild the jar");
        }
        return permissions;
    }

    /** @return one "pointer [rule]: message" line per invalid request; empty if all are valid */
    static List<String> problems(JsonNode descriptor) {
        List<String> problems = new ArrayList<>();
        parse(descriptor, problems);
        return problems;
    }

    private static List<Permission> parse(JsonNode descriptor, List<String> problems) {
        JsonNode security = descriptor.get("security");
        JsonNode requests = security == null ? null : security.get("permissions");
        if (requests == null || requests.isNull()) {
            return List.of();
        }
        if (!requests.isArray()) {
            problems.add(line(POINTER, "palisade:permissions-array", "must be an array of {\"permission\": ..., "
                    + "\"target\": ...} objects"));
            return List.of();
        }
        Set<Permission> permissions = new LinkedHashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            String pointer = POINTER + "/" + i;
            JsonNode request = requests.get(i);
            if (!request.isObject()) {
                problems.add(line(pointer, "palisade:permission-object", "is " + request.getNodeType().name()
                        .toLowerCase(java.util.Locale.ROOT) + "; write {\"permission\": \"file.read\", \"target\": "
                        + "\"reports/**\"}"));
                continue;
            }
            String unknown = unknownField(request);
            if (unknown != null) {
                problems.add(line(pointer + "/" + SchemaProblems.escape(unknown), "palisade:permission-fields",
                        "is not a permission field; use only \"permission\" and \"target\""));
                continue;
            }
            JsonNode kind = request.get("permission");
            JsonNode target = request.get("target");
            if (kind == null || !kind.isTextual()) {
                problems.add(line(pointer + "/permission", "palisade:permission-kind", "must be a string such as "
                        + "\"file.read\""));
                continue;
            }
            if (target != null && !target.isTextual()) {
                problems.add(line(pointer + "/target", "palisade:permission-target", "must be a string"));
                continue;
            }
            try {
                permissions.add(Permission.parse(kind.asText(), target == null ? null : target.asText()));
            } catch (InvalidPermissionException e) {
                problems.add(line(pointer, "palisade:permission", e.getMessage()));
            }
        }
        return List.copyOf(permissions);
    }

    private static String unknownField(JsonNode request) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("permission") && !name.equals("target")) {
                return name;
            }
        }
        return null;
    }
}
