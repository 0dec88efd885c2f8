package dev.palisade.core.extension.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plugin threw, read on the extension's thread inside the time limit: the host never calls a method of
 * the extension's throwable on its own threads. A host class; its fields are plain strings, so it crosses the
 * pipe of a strict extension's child JVM as JSON ({@link #toJson}, {@link #fromJson}) and is answered as if the
 * call had run in the host.
 */
public final class ExtensionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The longest message kept from an extension's throwable. */
    static final int MAX_MESSAGE = 2000;

    enum Kind { VIOLATION, INVALID_INPUT, EXTENSION_ERROR, OUTPUT_NOT_JSON, FAILED, VM_ERROR }

    final Kind kind;
    final String className;
    final String detail;
    final String code;
    final String field;
    final String permission;
    final String target;

    private ExtensionFailure(Kind kind, String className, String detail, String code, String field,
            String permission, String target) {
        super(kind + " " + className, null, false, false);
        this.kind = kind;
        this.className = className;
        this.detail = detail;
        this.code = code;
        this.field = field;
        this.permission = permission;
        this.target = target;
    }

    /** @return an output that breaks the boundary rule */
    public static ExtensionFailure outputNotJson(OutputCopy.NotJson e) {
        return new ExtensionFailure(Kind.OUTPUT_NOT_JSON, null, e.getMessage(), null, null, null, null);
    }

    /**
     * Describes {@code thrown}; call only on the extension's thread. Never throws.
     *
     * @return the description; {@code thrown} itself when it is one already (a strict extension's, read in its
     *         child JVM)
     */
    public static ExtensionFailure describe(Throwable thrown) {
        if (thrown instanceof ExtensionFailure described) {
            return described;
        }
        String className = thrown.getClass().getName();
        if (thrown instanceof VirtualMachineError) {
            return new ExtensionFailure(Kind.VM_ERROR, className, null, null, null, null, null);
        }
        try {
            if (thrown instanceof dev.palisade.api.sandbox.SandboxViolation v) {
                return new ExtensionFailure(Kind.VIOLATION, className, bound(v.getMessage()), null, null,
                        bound(v.permission()), bound(v.target()));
            }
            if (thrown instanceof dev.palisade.api.extension.InvalidInputException e) {
                return new ExtensionFailure(Kind.INVALID_INPUT, className, bound(e.getMessage()), bound(e.code()),
                        bound(e.field()), null, null);
            }
            if (thrown instanceof dev.palisade.api.extension.ExtensionException e) {
                return new ExtensionFailure(Kind.EXTENSION_ERROR, className, bound(e.getMessage()), bound(e.code()),
                        null, null, null);
            }
            return new ExtensionFailure(Kind.FAILED, className, bound(thrown.getMessage()), null, null, null, null);
        } catch (VirtualMachineError e) {
            return new ExtensionFailure(Kind.VM_ERROR, e.getClass().getName(), null, null, null, null, null);
        } catch (Throwable e) {
            return new ExtensionFailure(Kind.FAILED, className, "(its description could not be read: "
                    + e.getClass().getName() + ")", null, null, null, null);
        }
    }

    /**
     * @param className what ended the call where no exception class says it (a child JVM that ran out of memory
     *                  or died)
     * @param exhausted whether it exhausted a resource (counted toward quarantine as a VirtualMachineError is)
     * @param detail    what happened
     * @return the failure the call answers
     */
    public static ExtensionFailure of(String className, boolean exhausted, String detail) {
        return new ExtensionFailure(exhausted ? Kind.VM_ERROR : Kind.FAILED, className, detail, null, null, null,
                null);
    }

    /** @return the members of this description, as JSON values */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.name());
        json.put("class", className);
        json.put("detail", detail);
        json.put("code", code);
        json.put("field", field);
        json.put("permission", permission);
        json.put("target", target);
        return json;
    }

    /**
     * @param json what {@link #toJson} wrote
     * @return the same description
     * @throws IllegalArgumentException if {@code kind} is not one this class writes
     */
    public static ExtensionFailure fromJson(Map<String, Object> json) {
        return new ExtensionFailure(Kind.valueOf(String.valueOf(json.get("kind"))), text(json, "class"),
                text(json, "detail"), text(json, "code"), text(json, "field"), text(json, "permission"),
                text(json, "target"));
    }

    private static String text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : bound(String.valueOf(value));
    }

    private static String bound(Object text) {
        if (text == null) {
            return null;
        }
        if (!(text instanceof String s)) {
            return text.getClass().getName();
        }
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "… (" + s.length() + " chars)";
    }
}
