package dev.palisade.store.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One table as backups see it.
 *
 * @param name      the table
 * @param columns   its columns and how each travels, in order
 * @param orderBy   the key rows are written in, so two backups of equal data are equal files' rows
 * @param timeColumn the column whose newest value counts toward the data's age, or {@code null}
 */
record TableSpec(String name, Map<String, ColumnType> columns, String orderBy, String timeColumn) {

    static TableSpec of(String name, String orderBy, String timeColumn, Object... columnsAndTypes) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndTypes.length; i += 2) {
            columns.put((String) columnsAndTypes[i], (ColumnType) columnsAndTypes[i + 1]);
        }
        return new TableSpec(name, columns, orderBy, timeColumn);
    }

    String selectAll() {
        return "SELECT " + String.join(", ", columns.keySet()) + " FROM " + name + " ORDER BY " + orderBy;
    }

    String insert() {
        List<String> names = List.copyOf(columns.keySet());
        return "INSERT INTO " + name + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
