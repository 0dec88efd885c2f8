package dev.palisade.sandbox.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.SchemaLoader;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads and checks the extension descriptor of a jar: JSON syntax, the MPLP Extension schema
 * (v1.0, bundled copies; {@code $ref}s never reach the network) and the Palisade rules.
 * Thread-safe after construction; building one loads the schemas, so reuse it.
 */
public final class DescriptorReader {

    /** Where the descriptor sits inside an extension jar. */
    public static final String DESCRIPTOR_PATH = "META-INF/palisade/extension.json";

    static final String MPLP_PREFIX = "https://mplp.dev/schemas/v1.0/";
    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final String BUNDLED = "mplp/v1.0/";
    private static final List<String> BUNDLED_SCHEMAS = List.of("extension.json", "base-types.json");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonSchema extensionSchema;
    private final DescriptorRules rules;

    /**
     * Loads the bundled MPLP schemas and the JSON Schema 2020-12 meta-schema.
     *
     * @throws IllegalStateException if a bundled schema is missing (a broken build)
     */
    public DescriptorReader() {
        Map<String, String> bundled = new LinkedHashMap<>();
        for (String name : BUNDLED_SCHEMAS) {
            bundled.put(MPLP_PREFIX + name, resource(BUNDLED + name));
        }
        // Only the bundled MPLP copies and the validator's own meta-schemas may be loaded; the
        // validator's class loader is used for the latter, whatever the thread's context loader is.
        ClassLoader validatorLoader = SchemaLoader.class.getClassLoader();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders
                        .add(new AllowSchemaLoader(iri -> bundled.containsKey(iri.toString())
                                || iri.toString().startsWith("classpath:")))
                        .add(new ClasspathSchemaLoader(() -> validatorLoader))
                        .schemas(bundled)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.extensionSchema = factory.getSchema(SchemaLocation.of(MPLP_PREFIX + "extension.json"), config);
        this.extensionSchema.initializeValidators();
        JsonSchema metaSchema = factory.getSchema(SchemaLocation.of(META_SCHEMA), config);
        metaSchema.initializeValidators();
        this.rules = new DescriptorRules(metaSchema);
    }

    /**
     * @param jar an extension jar whose signature was already verified
     * @return the checked descriptor
     * @throws DeploymentRefusedException MISSING_DESCRIPTOR, or INVALID_DESCRIPTOR listing every
     *                                    problem as "JSON pointer [rule]: message"
     * @throws UncheckedIOException       if the jar cannot be read
     */
    public ExtensionDescriptor read(JarFile jar) {
        Objects.requireNonNull(jar, "jar");
        JarEntry entry = jar.getJarEntry(DESCRIPTOR_PATH);
        if (entry == null || entry.isDirectory()) {
            throw new DeploymentRefusedException(RefusalReason.MISSING_DESCRIPTOR, "the jar has no " + DESCRIPTOR_PATH
                    + "; add the extension's MPLP descriptor (id, name, version, type, interface, implementation) "
                    + "at that path");
        }
        JsonNode json = parse(jar, entry);
        List<String> problems = SchemaProblems.describe("", extensionSchema.validate(json));
        if (problems.isEmpty()) {
            problems = rules.check(json, jar);
        }
        if (!problems.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.INVALID_DESCRIPTOR, DESCRIPTOR_PATH + " has "
                    + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                    + String.join("; ", problems) + "; fix the descriptor and rebuild the jar");
        }
        return toDescriptor(json);
    }

    private JsonNode parse(JarFile jar, JarEntry entry) {
        byte[] content;
        try (InputStream in = jar.getInputStream(entry)) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DESCRIPTOR_PATH + " from " + jar.getName() + ": "
                    + e.getMessage(), e);
        }
        try {
            JsonNode json = mapper.readTree(content);
            if (json == null || json.isMissingNode()) {
                throw invalidJson("it is empty");
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalidJson("it is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + DESCRIPTOR_PATH + ": " + e.getMessage(), e);
        }
    }

    private static DeploymentRefusedException invalidJson(String problem) {
        return new DeploymentRefusedException(RefusalReason.INVALID_DESCRIPTOR, DESCRIPTOR_PATH + " cannot be read: "
                + problem + "; write the descriptor as one UTF-8 JSON object and rebuild the jar");
    }

    private static ExtensionDescriptor toDescriptor(JsonNode json) {
        JsonNode iface = json.get("interface");
        List<String> methods = new java.util.ArrayList<>();
        if (iface.has("methods")) { // only plugins have methods
            iface.get("methods").forEach(method -> methods.add(method.asText()));
        }
        return new ExtensionDescriptor(json.get("id").asText(), json.get("name").asText(),
                json.get("version").asText(), json.get("type").asText(),
                json.get("implementation").get("entry_point").asText(), methods,
                fields(iface.get("input_schema")), fields(iface.get("output_schema")), json);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (object == null) {
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            result.put(field.getKey(), field.getValue());
        }
        return result;
    }

    private static String resource(String name) {
        try (InputStream in = DescriptorReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled schema " + name + " is missing next to "
                        + DescriptorReader.class.getName() + "; the sandbox jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled schema " + name, e);
        }
    }
}
