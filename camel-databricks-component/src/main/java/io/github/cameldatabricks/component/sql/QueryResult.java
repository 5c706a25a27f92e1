/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
     * The rows a write changed: the update count, or — when the driver returns the warehouse's count row instead (COPY
     * INTO, some DML) — the first of {@code columns} present in that row; 0 if neither is there.
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
