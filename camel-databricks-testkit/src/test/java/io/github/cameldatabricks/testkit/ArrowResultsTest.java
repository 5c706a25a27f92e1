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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * databricks-jdbc 3.4.5 asks for Arrow ({@code canReadArrowResult}, {@code canDecompressLZ4Result}): its results arrive
 * as LZ4-compressed Arrow batches (checked on what LocalWarehouse recorded as sent), paged like column-based ones, and
 * every type decodes exactly as it does from a column-based set. Metadata RPCs stay column-based.
 */
class ArrowResultsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(25_000).maxPageRows(1_000));

    private static final String ARROW_LZ4 = "ARROW_BASED_SET+LZ4";
    private static final String COLUMNS = "COLUMN_BASED_SET";

    /**
     * Every type the testkit serves, with edge values, NULLs and UTC timestamps with microseconds (complex values in
     * DuckDB's literal syntax, which the dialect layer passes through).
     */
    static final String EVERY_TYPE = """
            SELECT * FROM (VALUES
              (true, CAST(127 AS TINYINT), CAST(-32768 AS SMALLINT), 2147483647, 9223372036854775807,
               CAST(1.5 AS FLOAT), 2.25, CAST(-123456789.125 AS DECIMAL(12,3)), CAST(12345678901234567890123456789.123456789 AS DECIMAL(38,9)),
               'héllo ✓', DATE '2024-02-29', TIMESTAMP '2024-01-02 03:04:05.123456', X'CAFE',
               {'a': 1, 'b': 'x'}, MAP {'k': 2}, [1, 2, 3], NULL),
              (false, CAST(-128 AS TINYINT), CAST(0 AS SMALLINT), -2147483648, -9223372036854775808,
               CAST(-0.25 AS FLOAT), -1e300, CAST(0.001 AS DECIMAL(12,3)), CAST(-1 AS DECIMAL(38,9)),
               '', DATE '1900-01-01', TIMESTAMP '1969-12-31 23:59:59.999999', X'',
               {'a': NULL, 'b': 'y'}, MAP {'k': NULL}, [], NULL),
              (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            ) AS t(b, ti, si, i, bi, f, d, dec, wide, s, dt, ts, bin, st, m, arr, n)""";

    @Test
    void resultsArriveAsLz4ArrowBatches() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT 1 AS one, 'a' AS s")).containsExactly(List.of(1, "a"));
        }
        AuditEvent submit = last("commandSubmit");
        assertThat(submit.requestParams()).containsEntry("resultFormat", ARROW_LZ4);
    }

    @Test
    void everyTypeDecodesAsFromAColumnBasedSet() throws Exception {
        List<List<Object>> arrow;
        List<String> arrowTypes;
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            arrow = Jdbc.query(c, EVERY_TYPE);
            arrowTypes = typesOf(c, EVERY_TYPE);
        }
        assertThat(last("commandSubmit").requestParams()).containsEntry("resultFormat", ARROW_LZ4);
        List<List<Object>> columns;
        List<String> columnTypes;
        try (LocalWarehouse columnBased = LocalWarehouse.builder().sampleRows(0).arrowResults(false).build().start();
                Connection c = Jdbc.connect(columnBased, "")) {
            columns = Jdbc.query(c, EVERY_TYPE);
            columnTypes = typesOf(c, EVERY_TYPE);
            assertThat(columnBased.audit().events("commandSubmit")).last()
                    .satisfies(e -> assertThat(e.requestParams()).containsEntry("resultFormat", COLUMNS));
        }
        // the one difference: on the Arrow path the driver names a column by its Spark:DataType:SqlName metadata,
        // Spark's DataType.sql ("DECIMAL(p,s)", "STRUCT<a: INT, b: STRING>", "VOID"), as a real warehouse sends
        // it; column-based, by the Thrift type id ("DECIMAL", "STRUCT", "NULL")
        List<String> expectedTypes = columnTypes.stream()
                .map(t -> t.replaceAll(":DECIMAL:(\\d+):(\\d+):", ":DECIMAL($1,$2):$1:$2:")
                        .replace(":STRUCT:", ":STRUCT<a: INT, b: STRING>:").replace(":MAP:", ":MAP<STRING, INT>:")
                        .replace(":ARRAY:", ":ARRAY<INT>:").replace(":NULL:", ":VOID:"))
                .toList();
        assertThat(arrowTypes).isEqualTo(expectedTypes);
        assertThat(arrow).hasSize(3);
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < arrow.get(r).size(); col++) {
                if (r == 1 && col == 13) {
                    continue; // the struct with a NULL field, below
                }
                assertThat(render(arrow.get(r).get(col))).as("row %d column %d", r, col + 1)
                        .isEqualTo(render(columns.get(r).get(col)));
            }
        }
        // a native Arrow struct's getObject leaves NULL fields out and databricks-jdbc adds them back at the end
        // (ComplexDataTypeParser#restoreStructNullFields); as text the fields keep their order
        assertThat(arrow.get(1).get(13)).isEqualTo("{\"b\":\"y\",\"a\":null}");
        assertThat(columns.get(1).get(13)).isEqualTo("{\"a\":null,\"b\":\"y\"}");
        List<Object> first = arrow.get(0);
        assertThat(first.subList(0, 7)).containsExactly(true, (byte) 127, (short) -32768, Integer.MAX_VALUE,
                Long.MAX_VALUE, 1.5f, 2.25d);
        assertThat(first.get(7)).isEqualTo(new BigDecimal("-123456789.125"));
        assertThat(first.get(8)).isEqualTo(new BigDecimal("12345678901234567890123456789.123456789"));
        assertThat(first.get(9)).isEqualTo("héllo ✓");
        assertThat(first.get(10)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(first.get(11)).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123456"));
        assertThat((byte[]) first.get(12)).containsExactly(0xCA, 0xFE);
        assertThat(first.get(13)).isEqualTo("{\"a\":1,\"b\":\"x\"}");
        assertThat(first.get(14)).isEqualTo("{\"k\":2}");
        assertThat(first.get(15)).isEqualTo("[1,2,3]");
        assertThat(first.get(16)).isNull();
        List<Object> second = arrow.get(1);
        assertThat(second.get(6)).isEqualTo(-1e300);
        assertThat(second.get(11)).isEqualTo(Timestamp.valueOf("1969-12-31 23:59:59.999999"));
        assertThat((byte[]) second.get(12)).isEmpty();
        assertThat(arrow.get(2)).containsOnlyNulls();
    }

    @Test
    void largeResultsArePagedAsArrowWithRunningOffsets() throws Exception {
        int before = WAREHOUSE.audit().events("fetchResults").size();
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT row_number() OVER (ORDER BY tpep_pickup_datetime, fare_amount,"
                        + " pickup_zip) AS n, tpep_pickup_datetime, fare_amount FROM samples.nyctaxi.trips ORDER BY n")) {
            long expected = 1;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
                assertThat(rs.getTimestamp(2)).isNotNull();
            }
            assertThat(expected - 1).isEqualTo(25_000);
        }
        assertThat(last("commandSubmit").requestParams()).containsEntry("resultFormat", ARROW_LZ4);
        List<AuditEvent> fetches = WAREHOUSE.audit().events("fetchResults");
        List<AuditEvent> pages = new ArrayList<>(fetches.subList(before, fetches.size()));
        assertThat(pages).as("pages after the inline first page of 1,000 rows").hasSize(24)
                .allSatisfy(e -> assertThat(e.requestParams()).containsEntry("resultFormat", ARROW_LZ4));
    }

    @Test
    void metadataRpcsStayColumnBased() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables("samples", "nyctaxi", "trips", null)) {
                assertThat(Jdbc.rows(rs)).hasSize(1);
            }
            try (ResultSet rs = md.getColumns("samples", "nyctaxi", "trips", "%")) {
                assertThat(Jdbc.rows(rs)).isNotEmpty();
            }
        }
        for (String action : List.of("getTables", "getColumns")) {
            assertThat(last(action).requestParams()).as(action).containsEntry("resultFormat", COLUMNS);
        }
    }

    private static AuditEvent last(String action) {
        List<AuditEvent> events = WAREHOUSE.audit().events(action);
        assertThat(events).as(action + " events").isNotEmpty();
        return events.get(events.size() - 1);
    }

    static List<String> typesOf(Connection c, String sql) throws Exception {
        List<String> types = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.add(md.getColumnName(i) + ":" + md.getColumnType(i) + ":" + md.getColumnTypeName(i) + ":"
                        + md.getPrecision(i) + ":" + md.getScale(i) + ":" + md.getColumnClassName(i));
            }
        }
        return types;
    }

    /** Values compared by class and content (byte arrays by their bytes). */
    static String render(Object value) {
        if (value instanceof byte[] bytes) {
            return "byte[]" + java.util.Arrays.toString(bytes);
        }
        return value == null ? "null" : value.getClass().getName() + ":" + value;
    }
}
