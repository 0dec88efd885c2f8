package dev.palisade.store.grants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.store.StoreConflictException;
import dev.palisade.store.StoreInputException;
import dev.palisade.store.Transactions;
import dev.palisade.store.internal.SqlTimes;

/** Stores {@link Grant}s. Thread-safe. */
public final class Grants {

    private static final String COLUMNS = "extension_id, permission, target, publisher, granted_by, granted_at";

    private final Transactions tx;
    private final Clock clock;

    public Grants(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Grants a permission now; when it was already granted, records the new publisher, grantor and time.
     *
     * @param publisher the signer fingerprint of the publisher key it is given for, or {@code null} for none
     * @return the stored grant
     * @throws StoreInputException when a field is missing or too long
     */
    public Grant grant(String extensionId, String permission, String target, String publisher, String grantedBy) {
        Grant g = new Grant(StoreInputException.require("extensionId", extensionId, 128),
                StoreInputException.require("permission", permission, 128),
                StoreInputException.limit("target", target == null ? "" : target, 512),
                publisher == null ? null : StoreInputException.limit("publisher", publisher, 128),
                StoreInputException.require("grantedBy", grantedBy, 128),
                SqlTimes.truncate(clock.instant()));
        try {
            return upsert(g);
        } catch (StoreConflictException raced) {
            // Another writer inserted the same grant between our UPDATE and INSERT: now it updates.
            return upsert(g);
        }
    }

    private Grant upsert(Grant g) {
        return tx.inTransaction("granting " + g.permission() + " to " + g.extensionId(), c -> {
            // Portable upsert: update, else insert (no ON CONFLICT / MERGE differences to manage).
            try (PreparedStatement up = c.prepareStatement("UPDATE grants SET publisher = ?, granted_by = ?, granted_at = ? "
                    + "WHERE extension_id = ? AND permission = ? AND target = ?")) {
                up.setString(1, g.publisher());
                up.setString(2, g.grantedBy());
                SqlTimes.set(up, 3, g.grantedAt());
                up.setString(4, g.extensionId());
                up.setString(5, g.permission());
                up.setString(6, g.target());
                if (up.executeUpdate() == 1) {
                    return g;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO grants (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ins.setString(1, g.extensionId());
                ins.setString(2, g.permission());
                ins.setString(3, g.target());
                ins.setString(4, g.publisher());
                ins.setString(5, g.grantedBy());
                SqlTimes.set(ins, 6, g.grantedAt());
                ins.executeUpdate();
            }
            return g;
        });
    }

    /** @return true when the grant existed and is now gone */
    public boolean revoke(String extensionId, String permission, String target) {
        return tx.inTransaction("revoking " + permission + " from " + extensionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM grants WHERE extension_id = ? AND permission = ? AND target = ?")) {
                ps.setString(1, extensionId);
                ps.setString(2, permission);
                ps.setString(3, target == null ? "" : target);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** @return how many grants of this extension were removed */
    public int revokeAll(String extensionId) {
        return tx.inTransaction("revoking every grant of " + extensionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM grants WHERE extension_id = ?")) {
                ps.setString(1, extensionId);
                return ps.executeUpdate();
            }
        });
    }

    /** @return whether exactly this (extension, permission, target) is granted */
    public boolean isGranted(String extensionId, String permission, String target) {
        return tx.inTransaction("checking a grant of " + extensionId, c -> !query(c, " WHERE extension_id = ? "
                + "AND permission = ? AND target = ?", extensionId, permission, target == null ? "" : target).isEmpty());
    }

    /** @return this extension's grants, by permission then target */
    public List<Grant> of(String extensionId) {
        return tx.inTransaction("reading the grants of " + extensionId,
                c -> query(c, " WHERE extension_id = ? ORDER BY permission, target", extensionId));
    }

    /** @return every grant, by extension, permission, target */
    public List<Grant> all() {
        return tx.inTransaction("reading all grants",
                c -> query(c, " ORDER BY extension_id, permission, target"));
    }

    private static List<Grant> query(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM grants" + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Grant> out = new ArrayList<>();
                while (rs.next()) {
                    Instant at = SqlTimes.get(rs, "granted_at");
                    out.add(new Grant(rs.getString("extension_id"), rs.getString("permission"),
                            rs.getString("target"), rs.getString("publisher"), rs.getString("granted_by"), at));
                }
                return out;
            }
        }
    }
}
