package dev.palisade.core.extension.invoke;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import dev.palisade.api.extension.JsonValues;
import dev.palisade.api.extension.Plugin;
import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.web.Json;

/**
 * Calls one method of a serving plugin with the checks of the package contract: input checked on the
 * caller's thread, the plugin called through an {@link EntryCall} (the extension's own pool and time limit,
 * its capabilities, the output copied and a thrown exception described on the extension's thread), the copy
 * checked against the output schema on the caller's thread. Called from any
 * thread, concurrently; stateless apart from the shared schemas, so thread-safe.
 */
public final class Invoker {

    private final EntryCall calls;

    /** @param capabilityFactory makes each invocation's capabilities */
    public Invoker(CapabilityFactory capabilityFactory) {
        this.calls = new EntryCall(capabilityFactory);
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * @param extension the serving extension
     * @param method    the method name
     * @param input     the input object; {@code null} means an empty object
     * @return the output, deep-copied into host-owned JSON-compatible values
     * @throws HostProblem 404 {@code method-not-found}; 400 {@code invalid-input} with {@code errors}
     *         [{pointer, message}]; 422 {@code extension-error} with the extension's {@code code} (and
     *         {@code field} for an invalid input); 502 {@code extension-failed} naming the exception; 502
     *         {@code invalid-output} when the output is not JSON-compatible or breaks the output schema; 403
     *         {@code permission-denied} when the sandbox denied an access the extension did not catch; and the
     *         runtime's 409 {@code extension-quarantined}, 503 {@code extension-busy} (or {@code extension-stopped},
     *         {@code invocation-interrupted}), 504 {@code invocation-timeout}
     */
    public Object invoke(ActiveExtension extension, String method, Map<String, Object> input) {
        JsonSchema inputSchema = extension.schemas().input(method);
        if (method == null || inputSchema == null || !extension.methods().contains(method)) {
            throw new HostProblem(404, "method-not-found", "No such method",
                    "extension " + extension.label() + " has no method '" + method + "'; its methods are: "
                            + String.join(", ", extension.methods()),
                    properties(extension, method));
        }
        Map<String, Object> copiedInput = checkInput(extension, method, inputSchema, input);
        Object output = call(extension, method, copiedInput);
        return checkOutput(extension, method, output);
    }

    private Map<String, Object> checkInput(ActiveExtension extension, String method, JsonSchema schema,
            Map<String, Object> input) {
        Map<String, Object> given = input == null ? Map.of() : input;
        try {
            JsonValues.requireJsonCompatible(given);
        } catch (IllegalArgumentException e) {
            Map<String, Object> props = properties(extension, method);
            throw new HostProblem(400, "invalid-input", "Invalid input",
                    "the input for " + extension.label() + " method '" + method + "' is not plain JSON: "
                            + e.getMessage(), props);
        }
        JsonNode tree = Json.mapper().valueToTree(given);
        List<Map<String, Object>> errors = validate(extension, method, schema, tree, "input");
        if (!errors.isEmpty()) {
            Map<String, Object> props = properties(extension, method);
            props.put("errors", errors);
            throw new HostProblem(400, "invalid-input", "Invalid input",
                    "the input does not match the input schema of " + extension.label() + " method '" + method
                            + "': " + SchemaErrors.summary(errors) + "; send an input the schema accepts",
                    props);
        }
        return Json.mapper().convertValue(tree, MAP);
    }

    private Object call(ActiveExtension extension, String method, Map<String, Object> input) {
        return calls.run(extension, method, (entry, context) -> ((Plugin) entry).invoke(method, input, context));
    }

    private Object checkOutput(ActiveExtension extension, String method, Object output) {
        // output is the host's copy (OutputCopy), made of JDK classes only
        JsonNode tree = Json.mapper().valueToTree(output);
        List<Map<String, Object>> errors = validate(extension, method, extension.schemas().output(method), tree,
                "output");
        if (!errors.isEmpty()) {
            Map<String, Object> props = properties(extension, method);
            props.put("errors", errors);
            throw new HostProblem(502, "invalid-output", "The extension returned an invalid output",
                    "the output of " + extension.label() + " method '" + method
                            + "' does not match its output schema: " + SchemaErrors.summary(errors)
                            + "; this is a defect of the extension: report it to its publisher", props);
        }
        return Json.mapper().convertValue(tree, Object.class);
    }

    private static List<Map<String, Object>> validate(ActiveExtension extension, String method, JsonSchema schema,
            JsonNode value, String kind) {
        try {
            return SchemaErrors.validate(schema, value);
        } catch (RuntimeException e) {
            throw new HostProblem(502, "invalid-schema", "The extension's schema cannot be used",
                    "the " + kind + " schema of " + extension.label() + " method '" + method
                            + "' failed while validating: " + e.getMessage()
                            + "; fix interface." + kind + "_schema." + method + " in the descriptor",
                    properties(extension, method));
        }
    }

    private static Map<String, Object> properties(ActiveExtension extension, String method) {
        return EntryCall.properties(extension, method);
    }
}
