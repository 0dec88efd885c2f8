package dev.palisade.core.extension.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.capability.InvocationCapabilities;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.policy.DecisionPoint;

/**
 * One call into a serving extension's entry instance, whatever its kind: run through the extension's {@link
 * dev.palisade.core.extension.run.ExtensionRuntime} (its own pool, time limit, context class loader set to the
 * extension's for the call and cleared after; capabilities from the {@link CapabilityFactory}, checked against the
 * grants the sandbox's decision point holds, closed when the call returns or times out). What the entry instance
 * answers is copied into JDK values and a thrown exception is described ({@code getMessage}, {@code code}, ...)
 * inside that call, on the extension's thread and within its time limit, so no extension code runs on the
 * caller's thread. Called from any thread, concurrently; stateless, so thread-safe.
 */
public final class EntryCall {

    /** The part of a call that touches the extension: runs on its thread, within its time limit. */
    @FunctionalInterface
    public interface Work {
        /**
         * @param entry   the extension's entry instance (of its kind's entry type)
         * @param context the invocation's context
         * @return the extension's answer as JSON values, possibly still the extension's own objects (it is copied)
         */
        Object run(Object entry, InvocationContext context) throws Exception;
    }

    private final CapabilityFactory capabilityFactory;

    /** @param capabilityFactory makes each invocation's capabilities */
    public EntryCall(CapabilityFactory capabilityFactory) {
        this.capabilityFactory = capabilityFactory;
    }

    /**
     * @param extension a serving (not pending) extension
     * @param method    what is called, for the context and messages: a plugin method, {@code before:<event>},
     *                  a policy question, {@code export:<type>}
     * @param work      calls the entry instance
     * @return the answer, deep-copied into host-owned JSON-compatible values
     * @throws HostProblem 422 {@code extension-error} with the extension's {@code code} (and {@code field} for an
     *         invalid input); 502 {@code extension-failed} naming the exception; 502 {@code invalid-output} when the
     *         answer is not JSON-compatible; 403 {@code permission-denied} when the sandbox denied an access the
     *         extension did not catch; and the runtime's 409 {@code extension-quarantined}, 503
     *         {@code extension-busy} (or {@code extension-stopped}, {@code invocation-interrupted}), 504
     *         {@code invocation-timeout}
     */
    public Object run(ActiveExtension extension, String method, Work work) {
        String invocationId = InvocationIds.next();
        InvocationCapabilities capabilities;
        try {
            capabilities = capabilityFactory.forInvocation(extension.id(), extension.name(),
                    DecisionPoint.grants(extension.id()), invocationId);
        } catch (RuntimeException e) {
            throw new HostProblem(500, "capabilities-unavailable", "The host could not prepare the invocation",
                    "the capabilities of extension " + extension.label() + " could not be made: " + e.getMessage(),
                    properties(extension, method));
        }
        InvocationContext context = new CallContext(extension.id(), extension.name(), extension.version(), method,
                invocationId, capabilities);
        ClassLoader loader = extension.classLoader();
        Object entry = extension.entry();
        try {
            return extension.runtime().call(() -> {
                Thread thread = Thread.currentThread();
                thread.setContextClassLoader(loader);
                try {
                    // Everything that touches the extension's objects happens here, on its thread, in its time.
                    return OutputCopy.copy(work.run(entry, context));
                } catch (OutputCopy.NotJson e) {
                    throw ExtensionFailure.outputNotJson(e);
                } catch (Throwable e) {
                    throw ExtensionFailure.describe(e);
                } finally {
                    thread.setContextClassLoader(null);
                }
            });
        } catch (HostProblem e) {
            throw e;
        } catch (ExtensionFailure e) {
            if (e.kind == ExtensionFailure.Kind.VM_ERROR) {
                extension.runtime().exhausted(e.className);
            }
            throw problem(extension, method, e);
        } catch (VirtualMachineError e) {
            // describing the error failed too (the heap still exhausted): the extension's thread ended in it
            extension.runtime().exhausted(e.getClass().getName());
            throw problem(extension, method, ExtensionFailure.describe(e));
        } catch (Throwable e) {
            Map<String, Object> props = properties(extension, method);
            props.put("exception", e.getClass().getName());
            throw new HostProblem(500, "invocation-failed", "The host could not run the invocation",
                    "the invocation of extension " + extension.label() + " method '" + method + "' failed in the"
                            + " host: " + e, props);
        } finally {
            capabilities.close(); // also for a timed-out call: its abandoned thread can no longer use them
        }
    }

    private static HostProblem problem(ActiveExtension extension, String method, ExtensionFailure e) {
        Map<String, Object> props = properties(extension, method);
        switch (e.kind) {
            case VIOLATION:
                props.put("permission", e.permission);
                props.put("target", e.target);
                return new HostProblem(403, "permission-denied", "The extension was denied a permission",
                        "extension " + extension.label() + " method '" + method + "' was denied: " + e.detail
                                + "; if it needs this, its descriptor must request it (security.permissions) and an"
                                + " operator must grant it", props);
            case INVALID_INPUT:
                props.put("code", e.code);
                props.put("field", e.field);
                return new HostProblem(422, "extension-error", "The extension reported an error",
                        "extension " + extension.label() + " method '" + method + "' refused the input at '"
                                + e.field + "' [" + e.code + "]: " + e.detail, props);
            case EXTENSION_ERROR:
                props.put("code", e.code);
                return new HostProblem(422, "extension-error", "The extension reported an error",
                        "extension " + extension.label() + " method '" + method + "' reported [" + e.code + "]: "
                                + e.detail, props);
            case OUTPUT_NOT_JSON:
                return new HostProblem(502, "invalid-output", "The extension returned an invalid output",
                        "extension " + extension.label() + " method '" + method + "' returned an output that is"
                                + " not plain JSON: " + e.detail + "; this is a defect of the extension: report it"
                                + " to its publisher", props);
            case VM_ERROR:
                props.put("exception", e.className);
                return new HostProblem(502, "extension-failed", "The extension failed",
                        "extension " + extension.label() + " method '" + method + "' failed with " + e.className
                                + " (it exhausted a resource of the JVM); this is a defect of the extension: report"
                                + " it to its publisher", props);
            default:
                props.put("exception", e.className);
                return new HostProblem(502, "extension-failed", "The extension failed",
                        "extension " + extension.label() + " method '" + method + "' failed with " + e.className
                                + ": " + e.detail + "; this is a defect of the extension: report it to its"
                                + " publisher", props);
        }
    }

    /** @return the members every call's problem carries: extension name, version and method */
    static Map<String, Object> properties(ActiveExtension extension, String method) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("extension", extension.name());
        props.put("version", extension.version());
        props.put("method", method);
        return props;
    }
}
