package dev.palisade.sandbox.check;

import static dev.palisade.sandbox.check.SchemaProblems.escape;
import static dev.palisade.sandbox.check.SchemaProblems.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The Palisade rules a schema-valid MPLP descriptor must also meet. Each problem is reported as
 * "JSON pointer [palisade:rule]: message". Thread-safe.
 */
final class DescriptorRules {

    private static final Pattern METHOD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final JsonSchema metaSchema;

    DescriptorRules(JsonSchema metaSchema) {
        this.metaSchema = metaSchema;
    }

    /** @return every broken rule, in descriptor order; empty if the descriptor is acceptable */
    List<String> check(JsonNode json, JarFile jar) {
        List<String> problems = new ArrayList<>();
        checkName(json.get("name"), problems);
        String type = json.get("type").asText();
        JsonNode iface = json.get("interface");
        if (ExtensionKindRules.covers(type)) {
            ExtensionKindRules.check(type, iface, problems);
        } else {
            if (!type.equals("plugin")) {
                problems.add(line("/type", "palisade:type-supported", "is \"" + type + "\"; Palisade runs "
                        + "\"plugin\", \"hook\", \"policy\" and \"adapter\" extensions"));
            }
            List<String> methods = checkMethods(iface.get("methods"), problems);
            checkSchemas(iface, "input_schema", methods, problems);
            checkSchemas(iface, "output_schema", methods, problems);
        }
        JsonNode implementation = json.get("implementation");
        String runtime = implementation.get("runtime").asText();
        if (!runtime.equals("java")) {
            problems.add(line("/implementation/runtime", "palisade:runtime-java", "is \"" + runtime
                    + "\"; Palisade runs only \"java\" extensions"));
        }
        checkEntryPoint(implementation.get("entry_point").asText(), jar, problems);
        problems.addAll(PermissionRequests.problems(json));
        return problems;
    }

    private static void checkName(JsonNode name, List<String> problems) {
        if (!EXTENSION_NAME.matcher(name.asText()).matches()) {
            problems.add(line("/name", "palisade:name-format", "\"" + name.asText() + "\" cannot be used in "
                    + "URLs; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    private static List<String> checkMethods(JsonNode methods, List<String> problems) {
        List<String> names = new ArrayList<>();
        if (methods == null || methods.isEmpty()) {
            problems.add(line("/interface/methods", "palisade:methods-required", "list at least one method name"));
            return names;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < methods.size(); i++) {
            String name = methods.get(i).asText();
            String pointer = "/interface/methods/" + i;
            if (!METHOD_NAME.matcher(name).matches()) {
                problems.add(line(pointer, "palisade:method-name", "\"" + name + "\" is not a method name: use "
                        + "lower-case letters, digits and '_', starting with a letter, at most 64 characters"));
            } else if (!seen.add(name)) {
                problems.add(line(pointer, "palisade:method-unique", "\"" + name + "\" is listed twice; list "
                        + "each method once"));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private void checkSchemas(JsonNode iface, String field, List<String> methods, List<String> problems) {
        String pointer = "/interface/" + field;
        JsonNode schemas = iface.get(field);
        if (schemas == null) {
            problems.add(line(pointer, "palisade:schema-per-method", "missing; give a JSON Schema for each "
                    + "method, keyed by method name"));
            return;
        }
        for (String method : methods) {
            if (!schemas.has(method)) {
                problems.add(line(pointer, "palisade:schema-per-method", "has no schema for method \"" + method
                        + "\"; add one keyed by the method name"));
            }
        }
        for (Iterator<String> it = schemas.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String keyPointer = pointer + "/" + escape(key);
            if (!methods.contains(key)) {
                problems.add(line(keyPointer, "palisade:schema-for-listed-method", "\"" + key + "\" is not in "
                        + "/interface/methods; remove this schema or list the method"));
                continue;
            }
            problems.addAll(SchemaProblems.describe(keyPointer, metaSchema.validate(schemas.get(key))));
        }
    }

    private static void checkEntryPoint(String entryPoint, JarFile jar, List<String> problems) {
        String pointer = "/implementation/entry_point";
        if (!isBinaryClassName(entryPoint)) {
            problems.add(line(pointer, "palisade:entry-point-name", "\"" + entryPoint + "\" is not a binary "
                    + "class name such as com.example.tools.TextTools"));
        } else if (jar.getJarEntry(entryPoint.replace('.', '/') + ".class") == null) {
            problems.add(line(pointer, "palisade:entry-point-class", "the jar has no class " + entryPoint + " ("
                    + entryPoint.replace('.', '/') + ".class); name a class the jar contains"));
        }
    }

    private static boolean isBinaryClassName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String segment : name.split("\\.", -1)) {
            if (segment.isEmpty() || !Character.isJavaIdentifierStart(segment.codePointAt(0))) {
                return false;
            }
            if (!segment.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }
}
