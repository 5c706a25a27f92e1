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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.cameldatabricks.testkit.sql.CatalogNames;
import io.github.cameldatabricks.testkit.sql.TableName;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * The table a COPY INTO loads into, as DuckDB knows it: where it lives, its columns and their DuckDB types, and its
 * object id. The id identifies this incarnation of the table: a table dropped and created again gets a new one (so it
 * forgets what was loaded), ALTER TABLE keeps it.
 *
 * @param name     the Databricks name
 * @param database the DuckDB database (catalog)
 * @param schema   the schema as DuckDB spells it
 * @param table    the table as DuckDB spells it
 * @param oid      DuckDB's table object id
 * @param columns  the columns in table order
 */
record TargetTable(TableName name, String database, String schema, String table, long oid, List<Column> columns) {

    /** One column: its name as the table spells it and its DuckDB type. */
    record Column(String name, String duckType) {

        private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\(\\d+,\\s*\\d+\\)");

        boolean isDecimal() {
            return DECIMAL.matcher(duckType.toUpperCase(Locale.ROOT)).matches();
        }

        /** TIMESTAMP in any precision, also WITH TIME ZONE: loaded as the instant a value denotes. */
        boolean isTimestamp() {
            return duckType.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP");
        }

        boolean isBinary() {
            return duckType.equalsIgnoreCase("BLOB");
        }

        String quoted() {
            return CatalogNames.quote(name);
        }
    }

    static TargetTable lookup(Connection connection, TableName name) throws SQLException, WarehouseSqlException {
        String database = CatalogNames.toDuck(name.catalog());
        String schema = null;
        String table = null;
        long oid = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT schema_name, table_name, table_oid"
                + " FROM duckdb_tables() WHERE database_name = ? AND lower(schema_name) = ? AND lower(table_name) = ?")) {
            ps.setString(1, database);
            ps.setString(2, name.schema());
            ps.setString(3, name.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw CopyIntoErrors.tableNotFound(name);
                }
                schema = rs.getString(1);
                table = rs.getString(2);
                oid = rs.getLong(3);
            }
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, data_type FROM duckdb_columns()"
                + " WHERE table_oid = ? ORDER BY column_index")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new TargetTable(name, database, schema, table, oid, List.copyOf(columns));
    }

    /** The column a source column name maps to: by name, ignoring case, as Databricks matches them. */
    Optional<Column> column(String sourceName) {
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(sourceName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code "database"."schema"."table"}. */
    String quotedName() {
        return CatalogNames.quote(database) + "." + CatalogNames.quote(schema) + "." + CatalogNames.quote(table);
    }

    /** A key for this incarnation of the table. */
    String key() {
        return database + ":" + oid;
    }
}
