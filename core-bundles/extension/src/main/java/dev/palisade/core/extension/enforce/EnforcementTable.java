package dev.palisade.core.extension.enforce;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.core.extension.run.ExtensionRuntime;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.SandboxPolicy;

/**
 * The host's sandbox policy: for each extension id, the grants its guards check and the runtime that
 * counts its denials. The pipeline {@linkplain #enforce sets} an entry before the extension's code can
 * first run (so its constructor is already held to its grants) and puts back the previous one if the
 * deployment fails. Unknown extensions get {@link Grants#none()}; their denials are still audited.
 * Lookups are one map read: fast and non-blocking, as the guards need. Thread-safe.
 */
public final class EnforcementTable implements SandboxPolicy {

    /** What one extension is held to. */
    public record Entry(Grants grants, ExtensionRuntime runtime) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AuditTrail audit;

    /** @param audit where denials of unknown extensions are recorded */
    public EnforcementTable(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @return the entry it replaced, to {@linkplain #restore restore} if the deployment fails
     */
    public Optional<Entry> enforce(String extensionId, Grants grants, ExtensionRuntime runtime) {
        return Optional.ofNullable(entries.put(extensionId, new Entry(grants, runtime)));
    }

    /** Puts back what {@link #enforce} replaced; with an empty previous entry, the extension is forgotten. */
    public void restore(String extensionId, Optional<Entry> previous) {
        if (previous.isPresent()) {
            entries.put(extensionId, previous.get());
        } else {
            entries.remove(extensionId);
        }
    }

    /** Forgets an extension: from now on it is granted nothing. */
    public void remove(String extensionId) {
        entries.remove(extensionId);
    }

    /** @return what the extension is held to now */
    public Optional<Entry> entry(String extensionId) {
        return Optional.ofNullable(entries.get(extensionId));
    }

    @Override
    public Grants grantsFor(String extensionId) {
        Entry entry = entries.get(extensionId);
        return entry == null ? Grants.none() : entry.grants();
    }

    @Override
    public void violated(SandboxViolation violation) {
        Entry entry = entries.get(violation.extension());
        if (entry == null) {
            audit.record(violation.extension(), "permission-denied", violation.extension(), violation.getMessage());
        } else {
            entry.runtime().violated(violation);
        }
    }

    @Override
    public String toString() {
        return "EnforcementTable" + entries.keySet();
    }
}
