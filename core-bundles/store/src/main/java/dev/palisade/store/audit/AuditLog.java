package dev.palisade.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.store.StoreException;
import dev.palisade.store.StoreInputException;
import dev.palisade.store.Transactions;
import dev.palisade.store.internal.JsonText;
import dev.palisade.store.internal.SqlTimes;

/**
 * The append-only, hash-chained audit log. Thread-safe; appends from many threads or hosts sharing
 * one database form a single chain.
 */
public final class AuditLog {

    private static final String COLUMNS = "seq, occurred_at, actor, action, target, details, prev_hash, entry_hash";
    private static final int FETCH = 500;

    private final Transactions tx;
    private final Clock clock;

    public AuditLog(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Appends one entry at the end of the chain, in its own transaction: locks the head row, links
     * to the newest entry, inserts, moves the head. When this returns, the entry is committed.
     *
     * @return the stored entry
     * @throws StoreInputException when a field is missing, too long, or the details are not JSON
     */
    public AuditEntry append(AuditEvent event) {
        String actor = StoreInputException.require("actor", event.actor(), 128);
        String action = StoreInputException.require("action", event.action(), 128);
        String target = StoreInputException.limit("target", event.target(), 512);
        String details = JsonText.canonicalObject("details", event.details());
        return tx.inTransaction("appending " + action + " to the audit log", c -> {
            long headSeq;
            String headHash;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("the audit log's head row is missing; restore the store from a backup");
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            long seq = headSeq + 1;
            Instant at = SqlTimes.truncate(clock.instant());
            String hash = CanonicalForm.hash(seq, at, actor, action, target, details, headHash);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                SqlTimes.set(ps, 2, at);
                ps.setString(3, actor);
                ps.setString(4, action);
                ps.setString(5, target);
                ps.setString(6, details);
                ps.setString(7, headHash);
                ps.setString(8, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
            return new AuditEntry(seq, at, actor, action, target, details, headHash, hash);
        });
    }

    /**
     * @param afterSeq entries with a greater sequence number are returned (0 for the start)
     * @param limit    at most this many, 1..10000
     * @return entries in chain order
     */
    public List<AuditEntry> read(long afterSeq, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new StoreInputException("limit", "must be between 1 and 10000, was " + limit);
        }
        return tx.inTransaction("reading the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_log WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
                ps.setLong(1, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    List<AuditEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                    return out;
                }
            }
        });
    }

    /** @return how many entries the log holds */
    public long size() {
        return tx.inTransaction("counting audit entries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Walks the whole chain in one consistent snapshot (appends may go on meanwhile) and reports the
     * first entry that does not fit. Reads entries in batches; memory stays flat.
     */
    public AuditVerification verify() {
        return tx.inSnapshot("verifying the audit log", AuditLog::verify);
    }

    /** As {@link #verify()}, on a connection the caller's transaction owns (backups, restores). */
    public static AuditVerification verify(Connection c) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new AuditVerification(0, 0, new AuditBreak(1, AuditBreak.Kind.ENTRIES_REMOVED,
                        "the head row is missing"));
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        ChainWalker walker = new ChainWalker();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && walker.accept(read(rs))) {
                    // walk until the end or the first break
                }
            }
        }
        AuditBreak found = walker.firstBreak();
        if (found == null) {
            found = walker.checkHead(headSeq, headHash);
        }
        return new AuditVerification(walker.checked(), headSeq, found);
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), SqlTimes.get(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("details"), rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }
}
