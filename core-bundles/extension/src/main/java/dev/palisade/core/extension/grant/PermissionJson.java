package dev.palisade.core.extension.grant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.sandbox.permission.Permission;

/** Permissions as JSON values: {@code {"permission": "file.read", "target": "reports/**"}}, no target for thread.create. */
public final class PermissionJson {

    private PermissionJson() {
    }

    /** @return one permission as a JSON object */
    public static Map<String, Object> of(Permission permission) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("permission", permission.kind().id());
        if (!permission.target().isEmpty()) {
            json.put("target", permission.target());
        }
        return json;
    }

    /** @return the permissions as a JSON array */
    public static List<Map<String, Object>> list(List<Permission> permissions) {
        return permissions.stream().map(PermissionJson::of).toList();
    }

    /** @return {@code kind target}, comma-separated, for messages */
    public static String text(List<Permission> permissions) {
        return String.join(", ", permissions.stream().map(p -> p.target().isEmpty() ? p.kind().id()
                : p.kind().id() + " " + p.target()).toList());
    }
}
