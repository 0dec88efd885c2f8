package dev.palisade.core.extension.invoke;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/**
 * The compiled input and output schemas of every method of one extension version. Immutable and
 * thread-safe.
 */
public final class MethodSchemas {

    private final Map<String, JsonSchema> inputs;
    private final Map<String, JsonSchema> outputs;

    private MethodSchemas(Map<String, JsonSchema> inputs, Map<String, JsonSchema> outputs) {
        this.inputs = Map.copyOf(inputs);
        this.outputs = Map.copyOf(outputs);
    }

    /**
     * Compiles the schemas of the listed methods.
     *
     * @throws IllegalArgumentException naming the method, whether its input or output schema is broken,
     *         and why; or naming a method that has no schema
     */
    public static MethodSchemas compile(SchemaCompiler compiler, List<String> methods,
            Map<String, JsonNode> inputSchemas, Map<String, JsonNode> outputSchemas) {
        Map<String, JsonSchema> inputs = new LinkedHashMap<>();
        Map<String, JsonSchema> outputs = new LinkedHashMap<>();
        for (String method : methods) {
            inputs.put(method, compileOne(compiler, method, "input", inputSchemas.get(method)));
            outputs.put(method, compileOne(compiler, method, "output", outputSchemas.get(method)));
        }
        return new MethodSchemas(inputs, outputs);
    }

    private static JsonSchema compileOne(SchemaCompiler compiler, String method, String kind, JsonNode schema) {
        if (schema == null) {
            throw new IllegalArgumentException("method '" + method + "' has no " + kind + " schema; add one under"
                    + " interface." + kind + "_schema." + method + " in the descriptor");
        }
        try {
            return compiler.compile(schema);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + kind + " schema of method '" + method + "' cannot be used: "
                    + e.getMessage() + "; fix interface." + kind + "_schema." + method + " in the descriptor", e);
        }
    }

    /** @return the method's input schema, or {@code null} for a method the extension does not list */
    public JsonSchema input(String method) {
        return inputs.get(method);
    }

    /** @return the method's output schema, or {@code null} for a method the extension does not list */
    public JsonSchema output(String method) {
        return outputs.get(method);
    }
}
