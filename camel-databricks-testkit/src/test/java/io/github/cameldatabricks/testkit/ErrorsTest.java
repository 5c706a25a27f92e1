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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Errors reach the driver with the error class and SQLSTATE a Databricks warehouse reports. */
class ErrorsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static SQLException failure(String sql) throws SQLException {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            try {
                Jdbc.query(c, sql);
            } catch (SQLException e) {
                return e;
            }
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Test
    void missingTableIs42P01ThroughTheOperationState() throws Exception {
        SQLException e = failure("SELECT * FROM main.default.no_such_table");
        assertThat(e.getSQLState()).isEqualTo("42P01");
        assertThat(e.getMessage()).contains("[TABLE_OR_VIEW_NOT_FOUND]", "ERROR_STATE");
        long statusCalls = WAREHOUSE.audit().events("commandSubmit").stream()
                .filter(a -> "SELECT * FROM main.default.no_such_table".equals(a.requestParams().get("commandText")))
                .count();
        assertThat(statusCalls).isEqualTo(1);
    }

    @Test
    void syntaxErrorIs42601WithTheStatementExcerpt() throws Exception {
        // databricks-jdbc sends runAsync=true: the error comes through the operation (see ParseErrorPlacementTest)
        SQLException e = failure("SELEC 1");
        assertThat(e.getSQLState()).isEqualTo("42601");
        assertThat(e.getMessage()).contains("[PARSE_SYNTAX_ERROR]", "== SQL ==\nSELEC 1\n^^^");
    }

    @Test
    void syntaxErrorsCarrySparksPositionAndSqlExcerpt() throws Exception {
        assertThat(failure("SELECT 1 FROM t\nWHERE x = ) 2").getMessage())
                .contains("SQLSTATE: 42601 (line 2, pos 10)\n\n== SQL ==\nSELECT 1 FROM t\nWHERE x = ) 2\n"
                        + "----------^^^\n");
        // the Python connector's e2e suite: a syntax error's message contains the statement
        assertThat(failure("^ FOO BAR").getMessage()).contains("== SQL ==\n^ FOO BAR\n^^^");
    }

    @Test
    void unresolvedColumnIs42703() throws Exception {
        SQLException e = failure("SELECT no_such_column FROM samples.nyctaxi.trips");
        assertThat(e.getSQLState()).isEqualTo("42703");
        assertThat(e.getMessage()).contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]", "no_such_column");
    }

    @Test
    void deniedTableIs42501ForThatPrincipalOnly() throws Exception {
        String table = Jdbc.uniqueTable("secret");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
        }
        WAREHOUSE.warehouse().tokens().add("dapi-bob", "bob@example.com");
        WAREHOUSE.warehouse().permissions().deny("bob@example.com", "main.default." + table);
        try (Connection bob = java.sql.DriverManager.getConnection(WAREHOUSE.warehouse().jdbcUrl("dapi-bob"))) {
            assertThatThrownBy(() -> Jdbc.query(bob, "SELECT * FROM " + table))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42501");
                        assertThat(e.getMessage()).contains("[INSUFFICIENT_PERMISSIONS]", "main.default." + table);
                    });
            assertThat(Jdbc.query(bob, "SELECT count(*) FROM samples.nyctaxi.trips")).hasSize(1);
        }
        try (Connection alice = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(alice, "SELECT * FROM " + table)).isEmpty();
        }
    }

    @Test
    void unsupportedStatementsSaySoClearly() throws Exception {
        SQLException e = failure("OPTIMIZE samples.nyctaxi.trips ZORDER BY (pickup_zip)");
        assertThat(e.getSQLState()).isEqualTo("0A000");
        assertThat(e.getMessage()).contains("LocalWarehouse does not support OPTIMIZE");
        SQLException timeTravel = failure("SELECT * FROM samples.nyctaxi.trips VERSION AS OF 3");
        assertThat(timeTravel.getMessage()).contains("time travel");
    }

    @Test
    void runtimeCastErrorIs22018() throws Exception {
        SQLException e = failure("SELECT CAST('abc' AS INT)");
        assertThat(e.getSQLState()).isEqualTo("22018");
        assertThat(e.getMessage()).contains("[CAST_INVALID_INPUT]");
    }

    @Test
    void missingCatalogAndSchemaAreReported() throws Exception {
        assertThat(failure("USE CATALOG no_such_catalog").getSQLState()).isEqualTo("42704");
        assertThat(failure("USE SCHEMA no_such_schema").getMessage()).contains("[SCHEMA_NOT_FOUND]");
    }
}
