package dev.palisade.sandbox.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.testing.TestDescriptors;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.fixtures.EchoPlugin;
import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorReaderTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DescriptorReader READER = new DescriptorReader();

    @TempDir
    Path dir;

    private ExtensionDescriptor read(String descriptor) throws Exception {
        TestJar jar = TestJar.plugin("com.example.tools", "1.0.0").addClass(WordCountPlugin.class)
                .addClass(EchoPlugin.class);
        if (descriptor != null) {
            jar.descriptor(descriptor);
        }
        try (JarFile file = new JarFile(jar.writeTo(dir.resolve("tools.jar")).toFile())) {
            return READER.read(file);
        }
    }

    private DeploymentRefusedException refused(String descriptor) {
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> read(descriptor));
        assertEquals(RefusalReason.INVALID_DESCRIPTOR, e.reason(), e.getMessage());
        return e;
    }

    /** @return the valid word-count descriptor, changed by {@code change} */
    private static String wordCount(Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(TestDescriptors.wordCount(ID, "text-tools", "1.0.0"));
        change.accept(json);
        return JSON.writeValueAsString(json);
    }

    private static String invalid(String... problems) {
        return "META-INF/palisade/extension.json has " + problems.length
                + (problems.length == 1 ? " problem: " : " problems: ") + String.join("; ", problems)
                + "; fix the descriptor and rebuild the jar";
    }

    @Test
    void parsesAValidDescriptor() throws Exception {
        ExtensionDescriptor descriptor = read(TestDescriptors.wordCount(ID, "text-tools", "1.0.0"));

        assertEquals(ID, descriptor.id());
        assertEquals("text-tools", descriptor.name());
        assertEquals("1.0.0", descriptor.version());
        assertEquals("plugin", descriptor.type());
        assertEquals(WordCountPlugin.class.getName(), descriptor.entryPoint());
        assertEquals(List.of("word_count"), descriptor.methods());
        assertEquals(JSON.readTree("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},"
                + "\"required\":[\"text\"]}"), descriptor.inputSchemas().get("word_count"));
        assertEquals(JSON.readTree("{\"type\":\"object\",\"properties\":{\"words\":{\"type\":\"integer\"}},"
                + "\"required\":[\"words\"]}"), descriptor.outputSchemas().get("word_count"));
        assertEquals("basic", descriptor.json().get("security").get("sandbox_level").asText());
    }

    @Test
    void refusesAJarWithoutDescriptor() {
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> read(null));
        assertEquals(RefusalReason.MISSING_DESCRIPTOR, e.reason());
        assertEquals("[missing-descriptor] the jar has no META-INF/palisade/extension.json; add the extension's MPLP "
                + "descriptor (id, name, version, type, interface, implementation) at that path", e.getMessage());
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        DeploymentRefusedException e = refused("{\n  \"id\": \"x\",\n  oops\n}");
        assertEquals("META-INF/palisade/extension.json cannot be read: it is not valid JSON at line 3, column 3: "
                + "Unexpected character ('o' (code 111)): was expecting double-quote to start field name; write the "
                + "descriptor as one UTF-8 JSON object and rebuild the jar", e.detail());
    }

    @Test
    void refusesDuplicateKeysAndTrailingContent() {
        assertTrue(refused("{\"id\":\"a\",\"id\":\"b\"}").detail().contains("Duplicate field 'id'"));
        assertTrue(refused("{} {}").detail().startsWith("META-INF/palisade/extension.json cannot be read: it is not "
                + "valid JSON at line 1, column 4: Trailing token"), refused("{} {}").detail());
        assertEquals("META-INF/palisade/extension.json cannot be read: it is empty; write the descriptor as one UTF-8 "
                + "JSON object and rebuild the jar", refused("").detail());
    }

    @Test
    void reportsEverySchemaViolationWithPointerAndRule() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> {
            json.put("version", "1.0.0-beta");
            json.put("type", "widget");
            ((ObjectNode) json.get("implementation")).remove("entry_point");
        }));
        assertEquals(invalid(
                "/implementation [required at https://mplp.dev/schemas/v1.0/extension.json#/properties/implementation/"
                        + "required]: required property 'entry_point' not found",
                "/type [enum at https://mplp.dev/schemas/v1.0/extension.json#/properties/type/enum]: does not have a "
                        + "value in the enumeration [\"plugin\", \"adapter\", \"hook\", \"capability\", \"policy\", \"audit\"]",
                "/version [pattern at https://mplp.dev/schemas/v1.0/base-types.json#/definitions/version/pattern]: "
                        + "does not match the regex pattern ^\\d+\\.\\d+(\\.\\d+)?$"), e.detail());
    }

    @Test
    void reportsMissingTopLevelPropertiesAtTheRoot() {
        DeploymentRefusedException e = refused("{\"id\":\"" + ID + "\",\"name\":\"x\",\"version\":\"1.0\",\"type\":\"plugin\"}");
        assertEquals(invalid(
                "(root) [required at https://mplp.dev/schemas/v1.0/extension.json#/required]: required property "
                        + "'implementation' not found",
                "(root) [required at https://mplp.dev/schemas/v1.0/extension.json#/required]: required property "
                        + "'interface' not found"), e.detail());
    }

    @Test
    void reportsABadUuidFromTheBaseTypes() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> json.put("id", "not-a-uuid")));
        assertEquals(invalid("/id [pattern at https://mplp.dev/schemas/v1.0/base-types.json#/definitions/uuid/pattern]: "
                + "does not match the regex pattern ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
                e.detail());
    }

    @Test
    void refusesKindsOtherThanPluginAndRuntimesOtherThanJava() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> {
            json.put("type", "audit");
            ((ObjectNode) json.get("implementation")).put("runtime", "python");
        }));
        assertEquals(invalid(
                "/type [palisade:type-supported]: is \"audit\"; Palisade runs \"plugin\", \"hook\", \"policy\" and"
                        + " \"adapter\" extensions",
                "/implementation/runtime [palisade:runtime-java]: is \"python\"; Palisade runs only \"java\" extensions"),
                e.detail());
    }

    @Test
    void refusesANameThatCannotBeUsedInUrls() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> json.put("name", "text tools/2")));
        assertEquals(invalid("/name [palisade:name-format]: \"text tools/2\" cannot be used in URLs; use 1 to 64 "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit"), e.detail());
    }

    @Test
    void refusesMissingOrEmptyMethods() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> {
            ObjectNode iface = (ObjectNode) json.get("interface");
            iface.putArray("methods");
        }));
        assertEquals(invalid(
                "/interface/methods [palisade:methods-required]: list at least one method name",
                "/interface/input_schema/word_count [palisade:schema-for-listed-method]: \"word_count\" is not in "
                        + "/interface/methods; remove this schema or list the method",
                "/interface/output_schema/word_count [palisade:schema-for-listed-method]: \"word_count\" is not in "
                        + "/interface/methods; remove this schema or list the method"), e.detail());
    }

    @Test
    void refusesBadAndDuplicateMethodNames() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> {
            ArrayNode methods = ((ObjectNode) json.get("interface")).putArray("methods");
            methods.add("word_count").add("WordCount").add("word_count");
        }));
        assertEquals(invalid(
                "/interface/methods/1 [palisade:method-name]: \"WordCount\" is not a method name: use lower-case "
                        + "letters, digits and '_', starting with a letter, at most 64 characters",
                "/interface/methods/2 [palisade:method-unique]: \"word_count\" is listed twice; list each method once"),
                e.detail());
    }

    @Test
    void requiresASchemaForEveryMethodInBothDirections() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> {
            ObjectNode iface = (ObjectNode) json.get("interface");
            ((ArrayNode) iface.get("methods")).add("line_count");
            iface.remove("output_schema");
        }));
        assertEquals(invalid(
                "/interface/input_schema [palisade:schema-per-method]: has no schema for method \"line_count\"; add "
                        + "one keyed by the method name",
                "/interface/output_schema [palisade:schema-per-method]: missing; give a JSON Schema for each method, "
                        + "keyed by method name"), e.detail());
    }

    @Test
    void requiresEachMethodSchemaToBeAValidJsonSchema() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json -> {
            ObjectNode input = (ObjectNode) json.get("interface").get("input_schema");
            input.putObject("word_count").put("type", "text").put("minProperties", -1);
        }));
        assertEquals(invalid(
                "/interface/input_schema/word_count/minProperties [minimum at https://json-schema.org/draft/2020-12/"
                        + "meta/validation#/$defs/nonNegativeInteger/minimum]: must have a minimum value of 0",
                "/interface/input_schema/word_count/type [enum at https://json-schema.org/draft/2020-12/meta/"
                        + "validation#/$defs/simpleTypes/enum]: does not have a value in the enumeration [\"array\", "
                        + "\"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]",
                "/interface/input_schema/word_count/type [type at https://json-schema.org/draft/2020-12/meta/"
                        + "validation#/properties/type/anyOf/1/type]: string found, array expected"), e.detail());
    }

    /** In OSGi the thread's context class loader sees neither the bundled schemas nor the meta-schemas. */
    @Test
    void loadsItsSchemasWhateverTheContextClassLoader() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(null) { });
        try {
            DescriptorReader isolated = new DescriptorReader();
            TestJar jar = TestJar.plugin("com.example.tools", "1.0.0").addClass(WordCountPlugin.class)
                    .descriptor(TestDescriptors.wordCount(ID, "text-tools", "1.0.0"));
            try (JarFile file = new JarFile(jar.writeTo(dir.resolve("isolated.jar")).toFile())) {
                assertEquals("text-tools", isolated.read(file).name());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void requiresTheEntryPointClassInTheJar() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json ->
                ((ObjectNode) json.get("implementation")).put("entry_point", "com.example.Missing")));
        assertEquals(invalid("/implementation/entry_point [palisade:entry-point-class]: the jar has no class "
                + "com.example.Missing (com/example/Missing.class); name a class the jar contains"), e.detail());
    }

    @Test
    void requiresABinaryClassName() throws Exception {
        DeploymentRefusedException e = refused(wordCount(json ->
                ((ObjectNode) json.get("implementation")).put("entry_point", "com/example/Tools.class")));
        assertEquals(invalid("/implementation/entry_point [palisade:entry-point-name]: \"com/example/Tools.class\" is "
                + "not a binary class name such as com.example.tools.TextTools"), e.detail());
    }

    @Test
    void escapesMethodNamesInPointers() {
        assertEquals("a~1b~0c", SchemaProblems.escape("a/b~c"));
    }
}
