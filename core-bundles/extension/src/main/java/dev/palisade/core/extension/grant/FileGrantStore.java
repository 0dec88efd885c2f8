package dev.palisade.core.extension.grant;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.sandbox.permission.Permission;
import dev.palisade.web.Json;

/**
 * A {@link GrantStore} of one small JSON file per extension, {@code <dir>/<extension id>.json}:
 * {@code {"extension": id, "fingerprint": hex, "approved": [{"permission", "target"}], "updatedAt": iso}}.
 * Written to a temporary file and moved into place, so a crash leaves the old or the new file. Thread-safe
 * (synchronized).
 */
public final class FileGrantStore implements GrantStore {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path dir;

    /** @param dir the folder, created when the first approval is saved ({@code data/grants}) */
    public FileGrantStore(Path dir) {
        this.dir = dir;
    }

    /** @return the folder the approvals are kept in */
    public Path dir() {
        return dir;
    }

    @Override
    public synchronized Optional<StoredGrant> find(String extensionId) {
        Path file = fileOf(extensionId);
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GrantStoreException("the approvals of extension " + extensionId + " in " + file
                    + " cannot be read: " + e + "; fix or delete the file (its extension then waits for approval"
                    + " again)", e);
        }
        try {
            List<Permission> approved = new ArrayList<>();
            for (JsonNode entry : root.get("approved")) {
                JsonNode target = entry.get("target");
                approved.add(Permission.parse(entry.get("permission").asText(), target == null ? null : target.asText()));
            }
            return Optional.of(new StoredGrant(root.get("extension").asText(), root.get("fingerprint").asText(),
                    approved, Instant.parse(root.get("updatedAt").asText())));
        } catch (RuntimeException e) {
            throw new GrantStoreException("the approvals of extension " + extensionId + " in " + file
                    + " are malformed: " + e + "; delete the file (its extension then waits for approval again)", e);
        }
    }

    @Override
    public synchronized void save(StoredGrant grant) {
        Path file = fileOf(grant.extensionId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("extension", grant.extensionId());
        json.put("fingerprint", grant.fingerprint());
        json.put("approved", PermissionJson.list(grant.approved()));
        json.put("updatedAt", grant.updatedAt().toString());
        Path temp = dir.resolve("." + grant.extensionId() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.write(temp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is overwritten at the next save
            }
            throw new GrantStoreException("the approvals of extension " + grant.extensionId() + " cannot be saved to "
                    + file + ": " + e + "; free disk space or fix the folder's permissions, then approve again", e);
        }
    }

    @Override
    public synchronized void delete(String extensionId) {
        Path file = fileOf(extensionId);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new GrantStoreException("the approvals of extension " + extensionId + " in " + file
                    + " cannot be deleted: " + e + "; delete the file by hand", e);
        }
    }

    private Path fileOf(String extensionId) {
        if (extensionId == null || !SAFE_ID.matcher(extensionId).matches()) {
            throw new IllegalArgumentException("extension id '" + extensionId + "' cannot name a grant file; ids are"
                    + " letters, digits, '.', '_' and '-'");
        }
        return dir.resolve(extensionId + ".json");
    }
}
