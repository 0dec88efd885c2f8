package dev.palisade.core.extension.grant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.palisade.sandbox.permission.InvalidPermissionException;
import dev.palisade.sandbox.permission.Permission;

/**
 * Reads the operator's grant policy file, by default {@code etc/grants.json}: JSON with {@code //} and
 * {@code /* *}{@code /} comments allowed.
 *
 * <pre>
 * {
 *   "profiles": [
 *     {
 *       "name": "in-house",                        // for audit lines
 *       "fingerprints": ["3f0c...e1"],             // signer certificate SHA-256, hex (':' allowed)
 *       "subjects": ["CN=Tools Team,O=Example"],   // or signer subjects (RFC 2253); "*" = any trusted publisher
 *       "grant": [                                 // patterns auto-granted to these publishers' extensions
 *         {"permission": "file.read", "target": "**"},
 *         {"permission": "net.connect", "target": "*.example.org:443"}
 *       ]
 *     }
 *   ]
 * }
 * </pre>
 *
 * A missing file is a policy without profiles (every request waits for approval). Read afresh at every
 * deployment, so edits count at once. Stateless and thread-safe.
 */
public final class GrantPolicyFile {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{2}(:?[0-9a-fA-F]{2}){31}");
    private static final Set<String> TOP_FIELDS = Set.of("profiles");
    private static final Set<String> PROFILE_FIELDS = Set.of("name", "fingerprints", "subjects", "grant");
    private static final Set<String> GRANT_FIELDS = Set.of("permission", "target");

    private GrantPolicyFile() {
    }

    /**
     * @param file the policy file
     * @return the policy; {@link GrantPolicy#NONE} when the file does not exist
     * @throws InvalidGrantPolicyException naming the file and every problem by JSON pointer, with what to write
     */
    public static GrantPolicy read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return GrantPolicy.NONE;
        } catch (IOException e) {
            throw new InvalidGrantPolicyException(file + " cannot be read: " + e + "; fix its permissions");
        }
        return parse(text, file.toString());
    }

    /**
     * @param text   the file's content
     * @param source the file's name, for messages
     * @throws InvalidGrantPolicyException naming every problem
     */
    public static GrantPolicy parse(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidGrantPolicyException(source + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage()
                    + "; fix the syntax (comments are allowed)");
        }
        List<String> problems = new ArrayList<>();
        List<GrantProfile> profiles = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add("/: must be an object {\"profiles\": [...]}");
        } else {
            unknownFields(root, TOP_FIELDS, "", problems);
            JsonNode list = root.get("profiles");
            if (list == null || !list.isArray()) {
                problems.add("/profiles: must be an array of profiles (it may be empty)");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    GrantProfile profile = profile(list.get(i), "/profiles/" + i, problems);
                    if (profile != null) {
                        profiles.add(profile);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidGrantPolicyException(source + " is not a valid grant policy:\n  " + String.join("\n  ", problems)
                    + "\nfix each listed entry; the format is described in docs/EXTENSIONS.md (Grants)");
        }
        return new GrantPolicy(profiles);
    }

    private static GrantProfile profile(JsonNode node, String pointer, List<String> problems) {
        if (!node.isObject()) {
            problems.add(pointer + ": must be an object with name, fingerprints and/or subjects, and grant");
            return null;
        }
        int before = problems.size();
        unknownFields(node, PROFILE_FIELDS, pointer, problems);
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(pointer + "/name: must be a non-empty string naming the profile");
        }
        List<String> fingerprints = strings(node.get("fingerprints"), pointer + "/fingerprints", problems);
        for (int i = 0; i < fingerprints.size(); i++) {
            if (!FINGERPRINT.matcher(fingerprints.get(i)).matches()) {
                problems.add(pointer + "/fingerprints/" + i + ": \"" + fingerprints.get(i) + "\" is not a SHA-256"
                        + " fingerprint; write 64 hex digits (':' between pairs allowed), as GET"
                        + " /api/v1/mplp/extensions shows under fingerprint");
            }
        }
        List<String> subjects = strings(node.get("subjects"), pointer + "/subjects", problems);
        if (fingerprints.isEmpty() && subjects.isEmpty()) {
            problems.add(pointer + ": names no publisher; add \"fingerprints\" or \"subjects\" (\"*\" for every"
                    + " trusted publisher)");
        }
        List<Permission> grant = new ArrayList<>();
        JsonNode list = node.get("grant");
        if (list == null || !list.isArray()) {
            problems.add(pointer + "/grant: must be an array of {\"permission\": ..., \"target\": ...}");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String at = pointer + "/grant/" + i;
                JsonNode entry = list.get(i);
                if (!entry.isObject()) {
                    problems.add(at + ": must be {\"permission\": \"file.read\", \"target\": \"reports/**\"}");
                    continue;
                }
                unknownFields(entry, GRANT_FIELDS, at, problems);
                JsonNode kind = entry.get("permission");
                JsonNode target = entry.get("target");
                if (kind == null || !kind.isTextual() || (target != null && !target.isTextual())) {
                    problems.add(at + ": \"permission\" must be a string and \"target\" a string");
                    continue;
                }
                try {
                    grant.add(Permission.parse(kind.asText(), target == null ? null : target.asText()));
                } catch (InvalidPermissionException e) {
                    problems.add(at + ": " + e.getMessage());
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new GrantProfile(name.asText(), fingerprints, subjects, grant);
    }

    private static List<String> strings(JsonNode node, String pointer, List<String> problems) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(pointer + ": must be an array of strings");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual() && !node.get(i).asText().isBlank()) {
                values.add(node.get(i).asText());
            } else {
                problems.add(pointer + "/" + i + ": must be a non-empty string");
            }
        }
        return values;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String pointer, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(pointer + "/" + name + ": unknown field; use only " + String.join(", ", known.stream()
                        .sorted().toList()));
            }
        }
    }
}
