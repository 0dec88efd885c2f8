package dev.palisade.store.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.palisade.store.StoreException;

/**
 * The protocol modules' tables, found in the database itself: every table of the store's schema that is
 * not one of the store's own ({@link StoreTables#ALL}), not {@code audit_head} and not a Flyway history
 * table. Their columns and keys come from the JDBC metadata; they are ordered so a table comes after the
 * tables its foreign keys point at. Names are lower-case, so H2 and PostgreSQL backups read alike.
 */
final class ModuleTables {

    private static final String STORE_HISTORY = "flyway_schema_history";

    private ModuleTables() {
    }

    /** @return the store's tables followed by the modules' tables, in restore order */
    static List<TableSpec> all(Connection c) throws SQLException {
        List<TableSpec> out = new ArrayList<>(StoreTables.ALL);
        out.addAll(discover(c));
        return out;
    }

    /**
     * @return each module's schema version, from its {@code flyway_<module>_history} table, by module name
     */
    static Map<String, String> versions(Connection c) throws SQLException {
        Map<String, String> versions = new TreeMap<>();
        for (String stored : storedTableNames(c)) {
            String table = stored.toLowerCase(Locale.ROOT);
            if (table.startsWith("flyway_") && table.endsWith("_history") && !table.equals(STORE_HISTORY)) {
                String module = table.substring("flyway_".length(), table.length() - "_history".length());
                String version = newestVersion(c, stored);
                if (version != null) {
                    versions.put(module, version);
                }
            }
        }
        return versions;
    }

    static List<TableSpec> discover(Connection c) throws SQLException {
        Map<String, TableSpec> specs = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String table : tableNames(c)) {
            if (table.equals("audit_head") || table.startsWith("flyway_") || StoreTables.named(table) != null) {
                continue;
            }
            specs.put(table, spec(meta, c.getSchema(), table));
            parents.put(table, referenced(meta, c.getSchema(), table));
        }
        List<TableSpec> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < specs.size()) {
            boolean progress = false;
            for (String table : specs.keySet()) {
                if (!placed.contains(table) && placedOrOutside(parents.get(table), placed, specs.keySet(), table)) {
                    placed.add(table);
                    ordered.add(specs.get(table));
                    progress = true;
                }
            }
            if (!progress) {
                Set<String> cycle = new TreeSet<>(specs.keySet());
                cycle.removeAll(placed);
                throw new StoreException("the module tables' foreign keys form a cycle among " + cycle
                        + "; backups cannot order them");
            }
        }
        return ordered;
    }

    private static boolean placedOrOutside(Set<String> parents, Set<String> placed, Set<String> modules, String self) {
        for (String p : parents) {
            if (!p.equals(self) && modules.contains(p) && !placed.contains(p)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        return storedTableNames(c).stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** @return the tables' names exactly as the database stores them (Flyway quotes its own: lower-case) */
    private static List<String> storedTableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static TableSpec spec(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        Map<Integer, String> byPosition = new TreeMap<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, String> typeNames = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, stored(meta, table), null)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                byPosition.put(rs.getInt("ORDINAL_POSITION"), column);
                types.put(column, rs.getInt("DATA_TYPE"));
                typeNames.put(column, rs.getString("TYPE_NAME"));
            }
        }
        for (String column : byPosition.values()) {
            columns.put(column, typeOf(table, column, types.get(column), typeNames.get(column)));
        }
        List<String> key = new ArrayList<>();
        Map<Integer, String> keyBySeq = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, stored(meta, table))) {
            while (rs.next()) {
                keyBySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        key.addAll(keyBySeq.values());
        String orderBy = String.join(", ", key.isEmpty() ? List.copyOf(columns.keySet()) : key);
        return new TableSpec(table, columns, orderBy, timeColumn(columns));
    }

    /** @return the column that dates a row: {@code updated_at}, else {@code created_at}, else the first timestamp */
    private static String timeColumn(Map<String, ColumnType> columns) {
        for (String preferred : List.of("updated_at", "created_at")) {
            if (columns.get(preferred) == ColumnType.TIMESTAMP) {
                return preferred;
            }
        }
        return columns.entrySet().stream().filter(e -> e.getValue() == ColumnType.TIMESTAMP).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static Set<String> referenced(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Set<String> parents = new TreeSet<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, stored(meta, table))) {
            while (rs.next()) {
                parents.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return parents;
    }

    /** @return the name as the database stores unquoted identifiers (upper-case in H2, lower in PostgreSQL) */
    private static String stored(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static ColumnType typeOf(String table, String column, int type, String typeName) {
        switch (type) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB,
                    Types.NCLOB, Types.LONGNVARCHAR:
                return ColumnType.TEXT;
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT:
                return ColumnType.BIGINT;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return ColumnType.TIMESTAMP;
            case Types.BOOLEAN, Types.BIT:
                return ColumnType.BOOLEAN;
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL:
                return ColumnType.NUMBER;
            default:
                throw new StoreException("column " + column + " of table " + table + " has type " + typeName
                        + ", which backups do not carry; use TEXT, VARCHAR, BIGINT, INTEGER, BOOLEAN, DOUBLE,"
                        + " NUMERIC or TIMESTAMP(6) in module tables");
        }
    }

    private static String newestVersion(Connection c, String storedName) throws SQLException {
        String sql = "SELECT \"version\" FROM \"" + storedName + "\""
                + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
