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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The real driver over plain HTTP: sessions, namespaces, three-part names, DML counts, native parameters. */
class DriverBasicsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().principal("alice@example.com"));

    @Test
    void currentUserCatalogAndSchemaAreTheSessionsOwn() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT current_user(), current_catalog(), current_schema()"))
                    .containsExactly(List.of("alice@example.com", "main", "default"));
            Jdbc.update(c, "USE CATALOG samples");
            Jdbc.update(c, "USE SCHEMA nyctaxi");
            assertThat(Jdbc.query(c, "SELECT current_catalog(), current_schema()"))
                    .containsExactly(List.of("samples", "nyctaxi"));
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM trips")).isEqualTo(21_932L);
        }
    }

    @Test
    void connectionCatalogAndSchemaPropertiesSetTheInitialNamespace() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ";ConnCatalog=samples;ConnSchema=nyctaxi")) {
            assertThat(Jdbc.query(c, "SELECT current_catalog(), current_schema()"))
                    .containsExactly(List.of("samples", "nyctaxi"));
        }
    }

    @Test
    void threePartNamesWorkOnCatalogsThatDuckDbReserves() throws Exception {
        String table = Jdbc.uniqueTable("names");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE main.default." + table + " (id INT, `the name` STRING) USING DELTA");
            assertThat(Jdbc.update(c, "INSERT INTO `main`.`default`.`" + table + "` VALUES (1, \"one\"), (2, 'two')"))
                    .isEqualTo(2);
            assertThat(Jdbc.query(c, "SELECT `the name` FROM main.default." + table + " ORDER BY id LIMIT 1"))
                    .containsExactly(List.of("one"));
            assertThat(Jdbc.update(c, "UPDATE " + table + " SET `the name` = 'x' WHERE id >= 1")).isEqualTo(2);
            assertThat(Jdbc.update(c, "DELETE FROM " + table + " WHERE id = 2")).isEqualTo(1);
        }
    }

    @Test
    void nativeParametersBindWithTheirTypes() throws Exception {
        String table = Jdbc.uniqueTable("params");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id BIGINT, amount DECIMAL(10,2), day DATE, name STRING,"
                    + " ok BOOLEAN)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, 42L);
                ps.setBigDecimal(2, new java.math.BigDecimal("12.34"));
                ps.setDate(3, java.sql.Date.valueOf("2024-02-29"));
                ps.setString(4, "it's \"quoted\"");
                ps.setBoolean(5, true);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, amount FROM " + table + " WHERE id = ? AND day = ? AND ok = ?")) {
                ps.setLong(1, 42L);
                ps.setDate(2, java.sql.Date.valueOf("2024-02-29"));
                ps.setBoolean(3, true);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(Jdbc.rows(rs))
                            .containsExactly(List.of("it's \"quoted\"", new java.math.BigDecimal("12.34")));
                }
            }
        }
    }

    @Test
    void sparkFunctionsAreTranslated() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT date_sub(DATE '2024-03-01', 1), date_add('2024-02-28', 2),"
                    + " datediff(DATE '2024-03-01', DATE '2024-02-01'), nvl(NULL, 'x')"))
                    .containsExactly(List.of(java.sql.Date.valueOf("2024-02-29"), java.sql.Date.valueOf("2024-03-01"),
                            29L, "x"));
            Object recent = Jdbc.scalar(c, "SELECT current_timestamp() - INTERVAL 1 HOUR < current_timestamp()");
            assertThat(recent).isEqualTo(true);
        }
    }

    @Test
    void ddlReturnsNoUpdateCountAndSetAndShowWork() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            String catalog = Jdbc.uniqueTable("cat");
            Jdbc.update(c, "CREATE CATALOG IF NOT EXISTS " + catalog);
            Jdbc.update(c, "CREATE SCHEMA " + catalog + ".sales");
            Jdbc.update(c, "CREATE TABLE " + catalog + ".sales.orders (id INT)");
            assertThat(Jdbc.query(c, "SHOW CATALOGS")).contains(List.of(catalog), List.of("main"), List.of("samples"));
            assertThat(Jdbc.query(c, "SHOW SCHEMAS IN " + catalog)).contains(List.of("sales"));
            assertThat(Jdbc.query(c, "SHOW TABLES IN " + catalog + ".sales"))
                    .containsExactly(List.of("sales", "orders", false));
            assertThat(Jdbc.query(c, "SET spark.sql.ansi.enabled = true"))
                    .containsExactly(List.of("spark.sql.ansi.enabled", "true"));
            Jdbc.update(c, "DROP CATALOG " + catalog + " CASCADE");
            assertThat(Jdbc.query(c, "SHOW CATALOGS")).doesNotContain(List.of(catalog));
        }
    }
}
