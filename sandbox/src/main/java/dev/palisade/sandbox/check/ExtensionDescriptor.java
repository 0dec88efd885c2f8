package dev.palisade.sandbox.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An extension descriptor ({@code META-INF/palisade/extension.json}) that passed the MPLP schema
 * and the Palisade rules. The maps keep the descriptor's order; all collections are unmodifiable.
 * The JSON nodes must not be modified.
 *
 * @param id            the extension's identity across versions (an MPLP uuid)
 * @param name          the extension's unique, URL-safe name
 * @param version       the descriptor version, equal to the bundle's major.minor.micro
 * @param type          the MPLP extension type; {@code "plugin"}
 * @param entryPoint    binary name of the entry class implementing {@code dev.palisade.api.extension.Plugin}
 * @param methods       method names, as listed
 * @param inputSchemas  method name to the JSON Schema (2020-12) of its input
 * @param outputSchemas method name to the JSON Schema (2020-12) of its output
 * @param json          the whole descriptor
 */
public record ExtensionDescriptor(String id, String name, String version, String type, String entryPoint,
                                  List<String> methods, Map<String, JsonNode> inputSchemas,
                                  Map<String, JsonNode> outputSchemas, JsonNode json) {

    public ExtensionDescriptor {
        methods = List.copyOf(methods);
        inputSchemas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputSchemas));
        outputSchemas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputSchemas));
    }
}
