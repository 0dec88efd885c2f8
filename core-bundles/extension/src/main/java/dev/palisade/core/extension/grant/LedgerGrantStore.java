package dev.palisade.core.extension.grant;

import java.util.List;
import java.util.Objects;

import dev.palisade.host.bridge.GrantEntry;
import dev.palisade.host.bridge.GrantLedger;
import dev.palisade.sandbox.permission.InvalidPermissionException;
import dev.palisade.sandbox.permission.Permission;

/**
 * A {@link GrantStore} over the store's {@link GrantLedger}: one row per approved permission, with the
 * publisher fingerprint it was approved for. Each row is written in its own transaction; if the store fails
 * part way through an approval, the rows written are a subset of what the operator approved, the approval
 * answers the store's problem and the extension stays pending until it is approved again. A row the sandbox
 * cannot read as a permission (written by something else) is not an approval. Thread-safe, as the ledger is.
 */
public final class LedgerGrantStore implements GrantStore {

    private static final System.Logger LOG = System.getLogger(LedgerGrantStore.class.getName());

    private final GrantLedger ledger;

    /** @param ledger the store's grants */
    public LedgerGrantStore(GrantLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<Permission> approved(String extensionId, String fingerprint) {
        return ledger.of(extensionId).stream().filter(entry -> Objects.equals(entry.publisher(), fingerprint))
                .map(LedgerGrantStore::permission).filter(Objects::nonNull).toList();
    }

    @Override
    public void approve(String extensionId, String fingerprint, List<Permission> permissions, String by) {
        for (GrantEntry entry : ledger.of(extensionId)) {
            if (!Objects.equals(entry.publisher(), fingerprint)) {
                ledger.revoke(extensionId, entry.permission(), entry.target());
            }
        }
        for (Permission permission : permissions) {
            ledger.grant(extensionId, permission.kind().id(), permission.target(), fingerprint, by);
        }
    }

    @Override
    public void forget(String extensionId) {
        ledger.revokeAll(extensionId);
    }

    private static Permission permission(GrantEntry entry) {
        try {
            return Permission.parse(entry.permission(), entry.target());
        } catch (InvalidPermissionException e) {
            LOG.log(System.Logger.Level.WARNING, "grant " + entry.permission() + " " + entry.target() + " of extension "
                    + entry.extensionId() + " in the store is not a permission this host knows (" + e.getMessage()
                    + "); it is ignored");
            return null;
        }
    }
}
