package dev.palisade.core.confirm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.confirm.signing.ApproverKey;
import dev.palisade.core.confirm.signing.PublicKeys;
import dev.palisade.core.confirm.store.Approver;
import dev.palisade.core.confirm.store.ApproverTable;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;
import dev.palisade.protocol.Violation;

/**
 * The approvers who may sign decisions: registered once with {@code {id, name, public_key}} and never
 * replaced (a new key is a new approver id). Thread-safe.
 */
final class Approvers {

    private static final Set<String> MEMBERS = new LinkedHashSet<>(List.of("id", "name", "public_key"));

    private final ModuleDatabase db;
    private final ApproverTable table;
    private final Clock clock;

    Approvers(ModuleDatabase db, ApproverTable table, Clock clock) {
        this.db = db;
        this.table = table;
        this.clock = clock;
    }

    /**
     * @param body {@code {"id": uuid, "name": string, "public_key": PEM}}
     * @return the registered approver as the API answers it
     * @throws HostProblem 400 {@code schema-violation} (a broken member or an unusable key), 409
     *                     {@code approver-exists}
     */
    Map<String, Object> register(JsonNode body) {
        List<Violation> found = new ArrayList<>();
        RequestFields.onlyKnown(body, MEMBERS, found);
        String id = RequestFields.requiredUuid(body, "id", found);
        String name = RequestFields.requiredText(body, "name", 200, found);
        String pem = RequestFields.requiredText(body, "public_key", PublicKeys.MAX_PEM_CHARS, found);
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the approver is refused", found);
        }
        ApproverKey key = PublicKeys.parse(pem, "/public_key");
        Approver approver = new Approver(id, name, key.algorithm().label(), pem, key.fingerprint(),
                Timestamps.now(clock));
        db.inTransaction("registering approver " + id, c -> {
            Optional<Approver> existing = table.find(c, id);
            if (existing.isPresent()) {
                throw exists(existing.get());
            }
            table.insert(c, approver);
            return null;
        });
        return approver.json();
    }

    /** @return every approver, by name */
    List<Map<String, Object>> list() {
        return db.inTransaction("listing approvers", table::list).stream().map(Approver::json).toList();
    }

    /** @throws HostProblem 404 {@code not-found} */
    Map<String, Object> get(String id) {
        return find(id).orElseThrow(() -> ProtocolProblems.notFound("approver", id)).json();
    }

    Optional<Approver> find(String id) {
        return db.inTransaction("reading approver " + id, c -> table.find(c, id));
    }

    private static HostProblem exists(Approver existing) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", existing.id());
        props.put("fingerprint", existing.fingerprint());
        return new HostProblem(409, "approver-exists", "Approver already registered",
                "approver " + existing.id() + " is already registered (key fingerprint " + existing.fingerprint()
                        + "); a registered key is never replaced: register the new key under a new approver id",
                props);
    }
}
