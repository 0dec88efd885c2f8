package dev.palisade.sandbox.scan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sensitive site of an extension's bytecode, in a form ready for JSON (all fields are plain
 * strings and numbers).
 *
 * @param className  binary name of the class, e.g. {@code com.example.tools.Fetcher}
 * @param method     the method's name, or {@code <class>} for the class header
 * @param line       source line, 0 when unknown
 * @param kind       the kind of reference, lower case: call, field, method_handle, bootstrap, type, superclass, declaration
 * @param member     the referenced member, readable: {@code java.nio.file.Files.readString(java.nio.file.Path)}
 * @param verdict    {@code guarded} or {@code forbidden}
 * @param permission for guarded sites the permission checked at run time; for forbidden ones the category
 * @param reason     why it is checked or refused, and what to do about a refusal
 */
public record ScanRow(String className, String method, int line, String kind, String member, String verdict,
                      String permission, String reason) {

    public ScanRow {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the row for a site found by {@link ClassInspector} */
    public static ScanRow of(Site site) {
        return new ScanRow(site.className().replace('/', '.'), site.methodName(), site.line(),
                site.kind().name().toLowerCase(java.util.Locale.ROOT), site.member().display(),
                site.verdict().kind().name().toLowerCase(java.util.Locale.ROOT), site.verdict().permission(),
                site.verdict().reason());
    }

    /** @return whether this site makes the jar refused */
    public boolean isForbidden() {
        return verdict.equals("forbidden");
    }

    /** @return {@code Class.method:line} */
    public String location() {
        return className + "." + method + ":" + line;
    }

    /** @return the row as an ordered map of JSON-compatible values */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("class", className);
        json.put("method", method);
        json.put("line", line);
        json.put("kind", kind);
        json.put("member", member);
        json.put("verdict", verdict);
        json.put("permission", permission);
        json.put("reason", reason);
        return json;
    }
}
