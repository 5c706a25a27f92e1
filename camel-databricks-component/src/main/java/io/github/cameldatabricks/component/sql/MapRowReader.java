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

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the current row of a result set into a Map keyed by column label, in column order. */
public final class MapRowReader {

    private final String[] labels;

    /** A reader for the result set's columns. */
    public MapRowReader(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
    }

    /** The number of columns. */
    public int columnCount() {
        return labels.length;
    }

    /** The current row. */
    public Map<String, Object> read(ResultSet resultSet) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            row.put(labels[i], resultSet.getObject(i + 1));
        }
        return row;
    }
}
