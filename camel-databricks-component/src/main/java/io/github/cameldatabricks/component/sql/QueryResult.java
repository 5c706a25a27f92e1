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

    /** Whether the statement returned a result set. */
    public boolean isQuery() {
        return rows != null;
    }
}
