package dev.palisade.core.extension.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;

/**
 * Compiles the JSON Schemas of an extension's methods (draft 2020-12). A {@code $ref} may point inside
 * the schema itself or at the JSON Schema meta-schemas shipped with the validator; any other reference
 * (http, https, file, ...) is refused, so an extension can never make the host fetch a URL or read a
 * file. Errors are reported with JSON Pointer instance locations. Thread-safe.
 */
public final class SchemaCompiler {

    private static final ClassLoader VALIDATOR_LOADER = JsonSchemaFactory.class.getClassLoader();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.values(list -> {
                list.clear();
                list.add(new BundledOnlyLoader());
            })));

    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build();

    /**
     * Compiles one schema and resolves its references now, so that a broken schema fails at deploy time.
     *
     * @param schema the schema, as the descriptor holds it
     * @return the compiled schema
     * @throws IllegalArgumentException naming what is wrong with the schema
     */
    public JsonSchema compile(JsonNode schema) {
        try {
            JsonSchema compiled = factory.getSchema(schema, config);
            compiled.initializeValidators();
            return compiled;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
        }
    }

    /** Loads only the meta-schemas bundled with the validator; refuses everything else. */
    private static final class BundledOnlyLoader implements SchemaLoader {
        private final ClasspathSchemaLoader bundled = new ClasspathSchemaLoader(() -> VALIDATOR_LOADER);

        @Override
        public InputStreamSource getSchema(AbsoluteIri iri) {
            InputStreamSource source = bundled.getSchema(iri);
            if (source != null) {
                return source;
            }
            throw new InvalidSchemaException(ValidationMessage.builder()
                    .message("the schema refers to ''{1}'', which the host does not load: a method schema may"
                            + " only refer inside itself (\"$ref\": \"#/$defs/...\")")
                    .arguments(String.valueOf(iri)).build());
        }
    }
}
