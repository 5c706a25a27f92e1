package io.github.cameldatabricks.component.sql;

import java.util.List;
import java.util.Map;

/**
 * What a materialised statement returned: rows for a query, an update count otherwise.
 *
 * @param rows        the rows, or null if the statement returned no result set
 * @param updateCount the update count, or -1 for a query
 */
public record QueryResult(List<Map<String, Object>> rows, long updateCount) {

    /**
     * The rows a write changed: the update count, or — when the driver returns the warehouse's count row instead
     * (COPY INTO, some DML) — the first of {@code columns} present in that row; 0 if neither is there.
     */
    public long changedRows(String... columns) {
        if (!isQuery()) {
            return Math.max(0, updateCount);
        }
        if (rows.isEmpty()) {
            return 0;
        }
        for (String column : columns) {
            if (rows.get(0).get(column) instanceof Number n) {
                return n.longValue();
            }
        }
        return 0;
    }

    /** Whether the statement returned a result set. */
    public boolean isQuery() {
        return rows != null;
    }
}
