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
package io.github.cameldatabricks.testkit.copyinto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.cameldatabricks.testkit.sql.CatalogNames;

/**
 * The per-table record of the files COPY INTO has loaded, keyed by the file's full {@code /Volumes/...} path. It is a
 * DuckDB table in the hidden {@code main} schema of the target table's own database, so that recording a file and
 * inserting its rows happen in one DuckDB transaction (a DuckDB transaction writes to one database only): after a
 * failure or an ambiguous drop, either both happened or neither did. Entries carry the table's object id, so a table
 * that is dropped (and perhaps created again) forgets its files, as Databricks does.
 */
final class LoadedFiles {

    private static final String TABLE = "__localwarehouse_copy_into_files";

    private LoadedFiles() {
    }

    private static String qualified(TargetTable table) {
        return CatalogNames.quote(table.database()) + ".main." + CatalogNames.quote(TABLE);
    }

    /** Creates the record table of the target's database if needed; outside the load's transaction. */
    static void ensureExists(Connection connection, TargetTable table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified(table)
                    + " (table_oid BIGINT NOT NULL, path VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL)");
        }
    }

    static boolean contains(Connection connection, TargetTable table, String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + qualified(table)
                + " WHERE table_oid = ? AND path = ?")) {
            ps.setLong(1, table.oid());
            ps.setString(2, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void add(Connection connection, TargetTable table, String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + qualified(table)
                + " VALUES (?, ?, CAST(current_timestamp AS TIMESTAMP))")) {
            ps.setLong(1, table.oid());
            ps.setString(2, path);
            ps.executeUpdate();
        }
    }
}
