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
package io.github.cameldatabricks.testkit.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

/**
 * The embedded DuckDB database behind the warehouse: catalogs are DuckDB databases, every operation gets its own
 * connection (a DuckDB connection holds one open result), and the {@code samples} catalog is seeded deterministically.
 */
public final class DuckDbEngine implements AutoCloseable {

    private final DuckDBConnection root;

    public DuckDbEngine(int sampleRows) throws SQLException {
        // Results are materialised by DuckDB in native memory (not the JVM heap) and read page by page. DuckDB's
        // streaming mode is not used: it reports runtime errors only as "Invalid result set", losing the error.
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", new Properties());
        execute("SET GLOBAL TimeZone = 'UTC'");
        // Spark sorts NULLs first in ascending and last in descending order (SortOrder's default null ordering)
        execute("SET GLOBAL default_null_order = 'nulls_first_on_asc_last_on_desc'");
        for (String macro : SparkMacros.ddl()) {
            execute(macro);
        }
        createCatalog("main");
        createCatalog("hive_metastore");
        createCatalog("samples");
        execute("CREATE SCHEMA samples.nyctaxi");
        SampleData.createTrips(this, sampleRows);
        createCatalog("system");
        execute("CREATE SCHEMA dbx_system.access");
        AuditTable.create(this);
    }

    private void createCatalog(String name) throws SQLException {
        String duck = CatalogNames.quote(CatalogNames.toDuck(name));
        execute("ATTACH ':memory:' AS " + duck);
        execute("CREATE SCHEMA " + duck + ".\"default\"");
    }

    /** Runs administrative SQL on the root connection. */
    public synchronized void execute(String sql) throws SQLException {
        try (Statement statement = root.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a prepared administrative statement on the root connection. */
    public synchronized void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = root.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** A new connection whose current catalog and schema are set; the caller closes it. */
    public Connection openConnection(String catalog, String schema) throws SQLException {
        return openConnection(catalog, schema, null);
    }

    /**
     * A new connection whose current catalog, schema and time zone (a DuckDB zone name, or null for UTC) are set; the
     * caller closes it.
     */
    public Connection openConnection(String catalog, String schema, String timeZone) throws SQLException {
        Connection connection = root.duplicate();
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + CatalogNames.quote(CatalogNames.toDuck(catalog)) + "."
                    + CatalogNames.quote(schema));
            if (timeZone != null && !timeZone.equals("UTC")) {
                statement.execute("SET TimeZone = " + CatalogNames.literal(timeZone));
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    public boolean catalogExists(String catalog) throws SQLException {
        return exists("SELECT 1 FROM duckdb_databases() WHERE database_name = ? AND NOT internal",
                CatalogNames.toDuck(catalog));
    }

    public boolean schemaExists(String catalog, String schema) throws SQLException {
        return exists("SELECT 1 FROM duckdb_schemas() WHERE database_name = ? AND lower(schema_name) = lower(?)",
                CatalogNames.toDuck(catalog), schema);
    }

    private synchronized boolean exists(String sql, String... parameters) throws SQLException {
        try (Connection connection = root.duplicate(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
