package dev.palisade.core.extension.invoke;

/**
 * What a plugin threw, read on the extension's thread inside the time limit: the host never calls a method of
 * the extension's throwable on its own threads. A host class; its fields are plain strings.
 */
final class ExtensionFailure extends RuntimeException {

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
    static ExtensionFailure outputNotJson(OutputCopy.NotJson e) {
        return new ExtensionFailure(Kind.OUTPUT_NOT_JSON, null, e.getMessage(), null, null, null, null);
    }

    /** Describes {@code thrown}; call only on the extension's thread. Never throws. */
    static ExtensionFailure describe(Throwable thrown) {
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
