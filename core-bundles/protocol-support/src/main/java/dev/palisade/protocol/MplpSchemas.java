package dev.palisade.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import dev.palisade.host.bridge.HostProblem;

/**
 * The MPLP 1.0 schemas, as the protocol writes them (draft 2020-12), loaded from copies in this package;
 * {@code $ref}s to {@code https://mplp.dev/schemas/v1.0/...} resolve to those copies and no other
 * reference is ever loaded. Compiled once; thread-safe.
 */
public final class MplpSchemas {

    /** Where the protocol's schemas live, by {@code $id}. */
    public static final String PREFIX = "https://mplp.dev/schemas/v1.0/";

    private static final List<String> NAMES = List.of("base-types", "context", "plan", "confirm", "trace", "role",
            "extension");
    private static final MplpSchemas BUNDLED = new MplpSchemas();

    private final Map<String, JsonSchema> schemas = new LinkedHashMap<>();

    private MplpSchemas() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : NAMES) {
            texts.put(PREFIX + name + ".json", resource(name + ".json"));
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders
                        .add(new AllowSchemaLoader(iri -> texts.containsKey(iri.toString())))
                        .schemas(texts)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        for (String name : NAMES) {
            if (!name.equals("base-types")) {
                JsonSchema schema = factory.getSchema(SchemaLocation.of(PREFIX + name + ".json"), config);
                schema.initializeValidators();
                schemas.put(name, schema);
            }
        }
    }

    /** @return the schemas bundled with this library */
    public static MplpSchemas bundled() {
        return BUNDLED;
    }

    /**
     * @param schema one of {@code context}, {@code plan}, {@code confirm}, {@code trace}, {@code role},
     *               {@code extension}
     * @return every violation, sorted by field; empty when the value is valid
     * @throws IllegalArgumentException for an unknown schema name
     */
    public List<Violation> violations(String schema, JsonNode value) {
        JsonSchema compiled = schemas.get(schema);
        if (compiled == null) {
            throw new IllegalArgumentException("no MPLP schema named '" + schema + "'; known: " + schemas.keySet());
        }
        return describe(compiled.validate(value));
    }

    /**
     * Validates {@code value} and throws when it breaks the schema.
     *
     * @param what how the caller names the object in messages ({@code "the context"},
     *             {@code "span 3 of the batch"})
     * @throws HostProblem 400 {@code schema-violation}, listing every violation
     */
    public void requireValid(String schema, JsonNode value, String what) {
        List<Violation> found = violations(schema, value);
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid(what + " does not match the MPLP " + schema + " schema", found);
        }
    }

    private static List<Violation> describe(Collection<ValidationMessage> messages) {
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            out.add(new Violation(m.getInstanceLocation().toString(), m.getType(), m.getError()));
        }
        out.sort((a, b) -> a.field().equals(b.field()) ? a.message().compareTo(b.message())
                : a.field().compareTo(b.field()));
        return out;
    }

    private static String resource(String file) {
        try (InputStream in = MplpSchemas.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled MPLP schema " + file + " is missing next to "
                        + MplpSchemas.class.getName() + ": a broken build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
