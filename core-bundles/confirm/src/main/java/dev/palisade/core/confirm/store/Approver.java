package dev.palisade.core.confirm.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.protocol.Timestamps;

/**
 * A registered approver: who may sign decisions, with which key.
 *
 * @param id           the approver's id, as confirmations list it in {@code approvers[].id}
 * @param name         a name for people
 * @param algorithm    the key's algorithm label ({@code Ed25519}, {@code ECDSA-P256}, {@code ECDSA-P384})
 * @param publicKey    the key as registered (PEM)
 * @param fingerprint  SHA-256 of the key's DER SubjectPublicKeyInfo, hex
 * @param registeredAt when it was registered
 */
public record Approver(String id, String name, String algorithm, String publicKey, String fingerprint,
        Instant registeredAt) {

    /** @return the approver as the API answers it */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("algorithm", algorithm);
        out.put("public_key", publicKey);
        out.put("fingerprint", fingerprint);
        out.put("registered_at", Timestamps.text(registeredAt));
        return out;
    }
}
