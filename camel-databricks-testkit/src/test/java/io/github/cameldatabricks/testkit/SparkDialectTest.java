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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Spark SQL behaviour the dialect layer reproduces: time zones, implicit names, DESCRIBE, NULL order, types. */
class SparkDialectTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static List<String> labels(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnLabel(i));
            }
            return out;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void timestampLiteralsHonourTheirOffsetAndTheSessionTimeZone() throws Exception {
        String sql = "SELECT CAST(TIMESTAMP '2021-09-30 11:27:35+04:00' AS STRING),"
                + " CAST(TIMESTAMP('2021-09-30 11:27:35+04:00') AS STRING), CAST(TIMESTAMP '2021-09-30 11:27:35' AS STRING)";
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, sql)).containsExactly(
                    List.of("2021-09-30 07:27:35", "2021-09-30 07:27:35", "2021-09-30 11:27:35"));
            execute(c, "SET TIME ZONE 'America/New_York'");
            assertThat(Jdbc.query(c, sql)).containsExactly(
                    List.of("2021-09-30 03:27:35", "2021-09-30 03:27:35", "2021-09-30 11:27:35"));
            execute(c, "SET TIME ZONE '+02:00'");
            assertThat(Jdbc.scalar(c, "SELECT CAST(TIMESTAMP '2021-09-30 11:27:35+04:00' AS STRING)"))
                    .isEqualTo("2021-09-30 09:27:35");
            assertThatThrownBy(() -> execute(c, "SET TIME ZONE 'Nowhere/Bogus'"))
                    .hasMessageContaining("INVALID_CONF_VALUE.TIME_ZONE");
            execute(c, "SET TIME ZONE LOCAL");
            assertThat(Jdbc.scalar(c, "SELECT CAST(TIMESTAMP '2021-09-30 11:27:35+04:00' AS STRING)"))
                    .isEqualTo("2021-09-30 07:27:35");
        }
    }

    @Test
    void implicitColumnNamesAreSparks() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(labels(c, "SELECT count(*) FROM range(5)")).containsExactly("count(1)");
            assertThat(labels(c, "SELECT count(1), count(*) AS n FROM range(5)")).containsExactly("count(1)", "n");
            assertThat(Jdbc.query(c, "SELECT * FROM range(3)")).containsExactly(List.of(0L), List.of(1L), List.of(2L));
            assertThat(labels(c, "SELECT * FROM range(1, 10, 4)")).containsExactly("id");
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM range(1, 10, 4) r HAVING count(*) > 1")).isEqualTo(3L);
        }
    }

    @Test
    void describeTableListsColumnsAsSparkDoes() throws Exception {
        String table = Jdbc.uniqueTable("described");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id BIGINT, name STRING, amount DECIMAL(10,2), ts TIMESTAMP,"
                    + " tags ARRAY<STRING>)");
            assertThat(labels(c, "DESCRIBE TABLE " + table)).containsExactly("col_name", "data_type", "comment");
            List<List<Object>> rows = Jdbc.query(c, "DESCRIBE TABLE main.default." + table);
            assertThat(rows).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly("id bigint",
                    "name string", "amount decimal(10,2)", "ts timestamp", "tags array<string>");
            assertThat(labels(c, "DESCRIBE EXTENDED " + table)).containsExactly("col_name", "data_type", "comment");
            assertThatThrownBy(() -> Jdbc.query(c, "DESCRIBE TABLE no_such_table_here"))
                    .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
        }
    }

    @Test
    void nullsSortFirstAscendingAndLastDescending() throws Exception {
        String table = Jdbc.uniqueTable("nullorder");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (x INT)");
            Jdbc.update(c, "INSERT INTO " + table + " VALUES (2), (NULL), (1)");
            assertThat(Jdbc.query(c, "SELECT x FROM " + table + " ORDER BY x"))
                    .containsExactly(Arrays.asList((Object) null), List.of(1), List.of(2));
            assertThat(Jdbc.query(c, "SELECT x FROM " + table + " ORDER BY x DESC"))
                    .containsExactly(List.of(2), List.of(1), Arrays.asList((Object) null));
        }
    }

    @Test
    void showCatalogsIncludesSystem() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SHOW CATALOGS")).extracting(r -> r.get(0))
                    .contains("main", "samples", "system", "hive_metastore");
        }
    }

    @Test
    void complexTypesInDdlAndConstructors() throws Exception {
        String table = Jdbc.uniqueTable("complex");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (a ARRAY<INT>, m MAP<STRING, INT>,"
                    + " s STRUCT<a:INT, b: STRING>, n ARRAY<STRUCT<x:ARRAY<BIGINT>>>)");
            Jdbc.update(c, "INSERT INTO " + table + " VALUES (array(1, 2, 3), map('a', 1, 'b', 2),"
                    + " named_struct('a', 1, 'b', 'x'), array(named_struct('x', array(7))))");
            assertThat(Jdbc.query(c, "SELECT a, m, s, n FROM " + table)).containsExactly(List.of("[1,2,3]",
                    "{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":\"x\"}", "[{\"x\":[7]}]"));
            assertThat(Jdbc.query(c, "SELECT struct(1, 'x'), struct(2 AS k), CAST(array() AS ARRAY<INT>)"))
                    .containsExactly(List.of("{\"col1\":1,\"col2\":\"x\"}", "{\"k\":2}", "[]"));
        }
    }
}
