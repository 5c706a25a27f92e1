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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** COPY INTO from files in a volume, through the real driver: formats, types, idempotency per file. */
class CopyIntoTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static final String ALL_TYPES = "b BOOLEAN, ti TINYINT, si SMALLINT, i INT, bi BIGINT, f FLOAT,"
            + " d DOUBLE, dec DECIMAL(38,18), amount DECIMAL(12,4), s STRING, dt DATE, ts TIMESTAMP, bin BINARY";

    private static LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    private static Connection connect() throws Exception {
        return Jdbc.connect(warehouse(), "");
    }

    private static String copyJson(String table, String path) {
        return "COPY INTO " + table + " FROM '" + path + "' FILEFORMAT = JSON";
    }

    @Test
    void jsonOfEveryTypeLoadsExactly() throws Exception {
        String table = Jdbc.uniqueTable("json_types");
        String file = TestVolumes.newVolume(warehouse(), "json") + "/batch-1.json";
        TestVolumes.write(warehouse(), file, """
                {"b":true,"ti":-128,"si":32767,"i":-2147483648,"bi":9223372036854775807,"f":1.5,"d":0.1,\
                "dec":12345678901234567890.123456789012345678,"amount":12345.6789,"s":"héllo ✓","dt":"2024-01-31",\
                "ts":"2024-01-31T12:34:56.123456Z","bin":"yv4="}
                {"i":2,"ts":"2024-06-30T23:30:00.000001+02:00","B":false,"S":null}
                {"i":3,"b":null,"dec":null,"amount":-0.0001,"d":1e300,"dt":null,"bin":null}
                """);
        try (Connection c = connect()) {
            Jdbc.update(c, "CREATE TABLE " + table + " (" + ALL_TYPES + ")");
            assertThat(Jdbc.update(c, copyJson(table, file))).isEqualTo(3);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + table
                            + " ORDER BY i")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean("b")).isTrue();
                assertThat(rs.getByte("ti")).isEqualTo((byte) -128);
                assertThat(rs.getShort("si")).isEqualTo((short) 32767);
                assertThat(rs.getInt("i")).isEqualTo(Integer.MIN_VALUE);
                assertThat(rs.getLong("bi")).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getFloat("f")).isEqualTo(1.5f);
                assertThat(rs.getDouble("d")).isEqualTo(0.1d);
                assertThat(rs.getBigDecimal("dec"))
                        .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
                assertThat(rs.getBigDecimal("amount")).isEqualTo(new BigDecimal("12345.6789"));
                assertThat(rs.getString("s")).isEqualTo("héllo ✓");
                assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf("2024-01-31"));
                assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-01-31 12:34:56.123456"));
                assertThat(rs.getBytes("bin")).containsExactly(0xCA, 0xFE);

                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("i")).isEqualTo(2);
                assertThat(rs.getBoolean("b")).as("keys match columns ignoring case").isFalse();
                assertThat(rs.getTimestamp("ts")).as("the instant, in UTC")
                        .isEqualTo(Timestamp.valueOf("2024-06-30 21:30:00.000001"));
                assertThat(rs.getObject("s")).isNull();
                assertThat(rs.getObject("dec")).as("a key the line lacks is NULL").isNull();

                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject("b")).isNull();
                assertThat(rs.getBigDecimal("amount")).isEqualTo(new BigDecimal("-0.0001"));
                assertThat(rs.getDouble("d")).isEqualTo(1e300);
                assertThat(rs.getObject("bin")).isNull();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /**
     * The driver treats COPY INTO as an update (it decides from the statement text), so JDBC shows the update count the
     * warehouse's {@code num_affected_rows} carries, not the result row.
     */
    @Test
    void theDriverReportsTheInsertedRowsAsTheUpdateCount() throws Exception {
        String table = Jdbc.uniqueTable("result_row");
        String file = TestVolumes.newVolume(warehouse(), "result") + "/r.json";
        TestVolumes.write(warehouse(), file, "{\"id\":1}\n{\"id\":2}\n");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id BIGINT)");
            assertThat(s.execute(copyJson(table, file))).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(2);
            assertThat(s.execute(copyJson(table, file))).isFalse();
            assertThat(s.getUpdateCount()).isZero();
        }
    }

    @Test
    void aLoadedFileIsSkippedUntilForcedEvenWhenUploadedAgain() throws Exception {
        String table = Jdbc.uniqueTable("idempotent");
        String file = TestVolumes.newVolume(warehouse(), "idem") + "/batch.json";
        TestVolumes.write(warehouse(), file, "{\"id\":1}\n{\"id\":2}\n");
        try (Connection c = connect()) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
            assertThat(Jdbc.update(c, copyJson(table, file))).isEqualTo(2);
            assertThat(Jdbc.update(c, copyJson(table, file))).isZero();
            TestVolumes.write(warehouse(), file, "{\"id\":3}\n");
            assertThat(Jdbc.update(c, copyJson(table, file))).as("same name: still skipped").isZero();
            assertThat(Jdbc.update(c, copyJson(table, file) + " COPY_OPTIONS ('force' = 'true')")).isEqualTo(1);
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM " + table)).isEqualTo(3L);

            Jdbc.update(c, "DROP TABLE " + table);
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
            assertThat(Jdbc.update(c, copyJson(table, file))).as("a new table has no record").isEqualTo(1);
        }
    }

    @Test
    void filesListsPatternsAndDirectoriesSelectFiles() throws Exception {
        String table = Jdbc.uniqueTable("selection");
        String dir = TestVolumes.newVolume(warehouse(), "sel") + "/in";
        for (String name : List.of("a.json", "b.json", "c.json", "_SUCCESS", ".hidden.json")) {
            TestVolumes.write(warehouse(), dir + "/" + name, "{\"name\":\"" + name + "\"}\n");
        }
        TestVolumes.write(warehouse(), dir + "/nested/d.json", "{\"name\":\"d\"}\n");
        try (Connection c = connect()) {
            Jdbc.update(c, "CREATE TABLE " + table + " (name STRING)");
            assertThat(Jdbc.update(c, copyJson(table, dir) + " FILES = ('a.json', 'nested/d.json')")).isEqualTo(2);
            assertThat(Jdbc.update(c, copyJson(table, dir) + " PATTERN = 'b*'")).isEqualTo(1);
            assertThat(Jdbc.update(c, copyJson(table, dir + "/"))).as("only c.json is new").isEqualTo(1);
            assertThat(Jdbc.query(c, "SELECT name FROM " + table + " ORDER BY 1")).containsExactly(
                    List.of("a.json"), List.of("b.json"), List.of("c.json"), List.of("d"));
        }
    }

    @Test
    void csvWithAHeaderIsMatchedByName() throws Exception {
        String table = Jdbc.uniqueTable("csv");
        String file = TestVolumes.newVolume(warehouse(), "csv") + "/people.csv";
        TestVolumes.write(warehouse(), file, "NAME;id;born\nada;1;1815-12-10\n\"grace; h\";2;\n");
        try (Connection c = connect()) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id BIGINT, name STRING, born DATE, note STRING)");
            assertThat(Jdbc.update(c, "COPY INTO " + table + " FROM '" + file + "' FILEFORMAT = CSV"
                    + " FORMAT_OPTIONS ('header' = 'true', 'sep' = ';')")).isEqualTo(2);
            assertThat(Jdbc.query(c, "SELECT id, name, born, note FROM " + table + " ORDER BY id")).containsExactly(
                    java.util.Arrays.asList(1L, "ada", Date.valueOf("1815-12-10"), null),
                    java.util.Arrays.asList(2L, "grace; h", null, null));
        }
    }

    @Test
    void parquetWrittenByDuckDbLoads(@TempDir Path tmp) throws Exception {
        Path parquet = tmp.resolve("orders.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT i::BIGINT AS id, (i * 1.25)::DECIMAL(10,2) AS Amount,"
                    + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_hours(i) AS ts FROM range(1, 4) t(i))"
                    + " TO '" + parquet + "' (FORMAT parquet)");
        }
        String table = Jdbc.uniqueTable("parquet");
        String file = TestVolumes.newVolume(warehouse(), "pq") + "/orders.parquet";
        Path local = TestVolumes.local(warehouse(), file);
        Files.createDirectories(local.getParent());
        Files.copy(parquet, local);
        try (Connection c = connect()) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id BIGINT, amount DECIMAL(10,2), ts TIMESTAMP)");
            assertThat(Jdbc.update(c, "COPY INTO " + table + " FROM '" + file + "' FILEFORMAT = PARQUET"))
                    .isEqualTo(3);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT amount, ts FROM " + table + " WHERE id = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("2.50"));
                assertThat(rs.getTimestamp(2)).isEqualTo(Timestamp.valueOf("2024-01-01 02:00:00"));
            }
        }
    }
}
