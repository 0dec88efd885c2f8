package dev.palisade.store.deployments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.store.StoreException;
import dev.palisade.store.StoreInputException;
import dev.palisade.store.Transactions;
import dev.palisade.store.internal.SqlTimes;

/**
 * Stores {@link DeploymentRecord}s. The {@code at} instant is kept to the microsecond: a record read
 * back equals the one written with {@code at} truncated to microseconds. Thread-safe.
 */
public final class DeploymentHistory {

    private static final String COLUMNS = "attempt_id, recorded_at, source, file_name, sha256, outcome, "
            + "extension_id, extension_name, version, reason";
    private static final String INSERT = "INSERT INTO deployments (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    public DeploymentHistory(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Records one attempt in its own transaction.
     *
     * @throws StoreInputException                     when a field is missing or too long
     * @throws dev.palisade.store.StoreConflictException when the attempt id is already recorded
     */
    public void record(DeploymentRecord record) {
        check(record);
        tx.inTransaction("recording deployment attempt " + record.attemptId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, record);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records many attempts in one transaction, as one JDBC batch; all or none are stored. */
    public void recordAll(List<DeploymentRecord> records) {
        records.forEach(DeploymentHistory::check);
        tx.inTransaction("recording " + records.size() + " deployment attempts", c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (DeploymentRecord r : records) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** @return the attempt with this id, if recorded */
    public Optional<DeploymentRecord> find(String attemptId) {
        return tx.inTransaction("reading deployment attempt " + attemptId, c -> {
            List<DeploymentRecord> found = query(c, "SELECT " + COLUMNS + " FROM deployments WHERE attempt_id = ?",
                    attemptId);
            return found.stream().findFirst();
        });
    }

    /** @return the newest {@code limit} attempts, newest first */
    public List<DeploymentRecord> recent(int limit) {
        if (limit < 1) {
            throw new StoreInputException("limit", "must be at least 1, was " + limit);
        }
        return tx.inTransaction("reading recent deployments", c -> query(c, "SELECT " + COLUMNS
                + " FROM deployments ORDER BY recorded_at DESC, attempt_id DESC FETCH FIRST " + limit + " ROWS ONLY"));
    }

    /** @return every attempt, oldest first */
    public List<DeploymentRecord> all() {
        return tx.inTransaction("reading the deployment history", c -> query(c, "SELECT " + COLUMNS
                + " FROM deployments ORDER BY recorded_at, attempt_id"));
    }

    /** @return the attempts for one extension id, oldest first */
    public List<DeploymentRecord> ofExtension(String extensionId) {
        return tx.inTransaction("reading deployments of " + extensionId, c -> query(c, "SELECT " + COLUMNS
                + " FROM deployments WHERE extension_id = ? ORDER BY recorded_at, attempt_id", extensionId));
    }

    /** @return how many attempts are recorded */
    public long count() {
        return tx.inTransaction("counting deployments", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deployments");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void check(DeploymentRecord r) {
        if (r == null) {
            throw new StoreInputException("record", "is required");
        }
        StoreInputException.require("attemptId", r.attemptId(), 64);
        if (r.at() == null) {
            throw new StoreInputException("at", "is required");
        }
        if (r.source() == null) {
            throw new StoreInputException("source", "is required");
        }
        if (r.outcome() == null) {
            throw new StoreInputException("outcome", "is required");
        }
        StoreInputException.require("fileName", r.fileName(), 512);
        StoreInputException.limit("sha256", r.sha256(), 64);
        StoreInputException.limit("extensionId", r.extensionId(), 128);
        StoreInputException.limit("extensionName", r.extensionName(), 128);
        StoreInputException.limit("version", r.version(), 64);
    }

    private static void bind(PreparedStatement ps, DeploymentRecord r) throws SQLException {
        ps.setString(1, r.attemptId());
        SqlTimes.set(ps, 2, r.at());
        ps.setString(3, r.source().name());
        ps.setString(4, r.fileName());
        ps.setString(5, r.sha256());
        ps.setString(6, r.outcome().name());
        ps.setString(7, r.extensionId());
        ps.setString(8, r.extensionName());
        ps.setString(9, r.version());
        ps.setString(10, r.reason());
    }

    private static List<DeploymentRecord> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<DeploymentRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private static DeploymentRecord read(ResultSet rs) throws SQLException {
        String attemptId = rs.getString("attempt_id");
        return new DeploymentRecord(attemptId, SqlTimes.get(rs, "recorded_at"),
                enumValue(DeploymentSource.class, rs.getString("source"), attemptId),
                rs.getString("file_name"), rs.getString("sha256"),
                enumValue(DeploymentOutcome.class, rs.getString("outcome"), attemptId),
                rs.getString("extension_id"), rs.getString("extension_name"), rs.getString("version"),
                rs.getString("reason"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String attemptId) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StoreException("deployment attempt " + attemptId + " holds " + type.getSimpleName() + " ["
                    + name + "], which this version of Palisade does not know; upgrade Palisade or restore a backup");
        }
    }
}
