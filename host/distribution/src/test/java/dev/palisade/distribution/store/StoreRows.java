package dev.palisade.distribution.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads (and, for the tampering test, edits) a stopped host's store with the plain JDBC drivers. */
final class StoreRows {

    /** The audit columns the entry hash covers, or that hold the chain: equal rows mean equal entries. */
    static final String AUDIT = "SELECT seq, actor, action, target, details, prev_hash, entry_hash FROM audit_log ORDER BY seq";

    private StoreRows() {
    }

    /** @return the JDBC URL of the embedded H2 database of a home */
    static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.resolve("data/db/palisade") + ";IFEXISTS=TRUE";
    }

    static Connection h2(Path home) throws SQLException {
        return DriverManager.getConnection(h2Url(home), "palisade", "");
    }

    /** @return each row of {@code sql} as its columns joined by {@code |} */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static List<String> auditOf(Path home) throws SQLException {
        try (Connection c = h2(home)) {
            return rows(c, AUDIT);
        }
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
