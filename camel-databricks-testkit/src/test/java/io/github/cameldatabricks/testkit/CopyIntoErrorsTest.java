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
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** COPY INTO errors reach the driver with the error class and SQLSTATE a Databricks warehouse reports. */
class CopyIntoErrorsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static String table;
    private static String volume;

    @BeforeAll
    static void tableAndFiles() throws Exception {
        table = Jdbc.uniqueTable("target");
        volume = TestVolumes.newVolume(WAREHOUSE.warehouse(), "errors");
        TestVolumes.write(WAREHOUSE.warehouse(), volume + "/ok.json", "{\"id\":1}\n");
        TestVolumes.write(WAREHOUSE.warehouse(), volume + "/extra.json", "{\"id\":1,\"surprise\":2,\"Other\":3}\n");
        TestVolumes.write(WAREHOUSE.warehouse(), volume + "/bad.json", "{\"id\":\n");
        TestVolumes.write(WAREHOUSE.warehouse(), volume + "/wrong.json", "{\"id\":\"not a number\"}\n");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
        }
    }

    private static SQLException failure(String sql) throws SQLException {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    private static void assertError(String sql, String sqlState, String... messageParts) throws SQLException {
        SQLException e = failure(sql);
        assertThat(e.getSQLState()).as(sql).isEqualTo(sqlState);
        assertThat(e.getMessage()).as(sql).contains(messageParts);
    }

    @Test
    void aMissingTableIs42P01() throws Exception {
        assertError("COPY INTO no_such_table FROM '" + volume + "/ok.json' FILEFORMAT = JSON", "42P01",
                "[TABLE_OR_VIEW_NOT_FOUND]", "main.default.no_such_table");
    }

    @Test
    void aMissingPathIs42K03() throws Exception {
        assertError("COPY INTO " + table + " FROM '" + volume + "/nothing/here' FILEFORMAT = JSON", "42K03",
                "[PATH_NOT_FOUND]", "Path does not exist: " + volume + "/nothing/here");
        assertError("COPY INTO " + table + " FROM '" + volume + "' FILEFORMAT = JSON FILES = ('ok.json', 'gone.json')",
                "42K03", "[PATH_NOT_FOUND]", "gone.json");
    }

    @Test
    void aMissingVolumeIs42704() throws Exception {
        assertError("COPY INTO " + table + " FROM '/Volumes/main/default/no_such_volume/x.json' FILEFORMAT = JSON",
                "42704", "[UC_VOLUME_NOT_FOUND]", "`main`.`default`.`no_such_volume`");
    }

    @Test
    void aColumnTheTableLacksIsASchemaMismatch() throws Exception {
        assertError("COPY INTO " + table + " FROM '" + volume + "/extra.json' FILEFORMAT = JSON", "42KDG",
                "[DELTA_METADATA_MISMATCH]", "`Other`, `surprise`");
    }

    @Test
    void malformedAndUnconvertibleValuesFail() throws Exception {
        assertError("COPY INTO " + table + " FROM '" + volume + "/bad.json' FILEFORMAT = JSON", "22023",
                "[MALFORMED_RECORD_IN_PARSING]");
        SQLException e = failure("COPY INTO " + table + " FROM '" + volume + "/wrong.json' FILEFORMAT = JSON");
        assertThat(e.getSQLState()).isEqualTo("22018");
        assertThat(e.getMessage()).contains("[CAST_INVALID_INPUT]");
    }

    @Test
    void unsupportedFormsAre0A000() throws Exception {
        for (String format : new String[]{ "AVRO", "ORC", "TEXT", "BINARYFILE" }) {
            assertError("COPY INTO " + table + " FROM '" + volume + "' FILEFORMAT = " + format, "0A000",
                    "[UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE]", format);
        }
        assertError("COPY INTO " + table + " FROM 's3://bucket/landing/' FILEFORMAT = JSON", "0A000",
                "Unity Catalog volumes", "s3://bucket/landing/");
        assertError("COPY INTO " + table + " FROM '" + volume + "' FILEFORMAT = JSON"
                + " COPY_OPTIONS ('mergeSchema' = 'true')", "0A000", "mergeSchema");
        assertError("COPY INTO " + table + " FROM (SELECT id FROM '" + volume + "') FILEFORMAT = JSON", "0A000",
                "SELECT");
        assertError("COPY INTO " + table + " FROM '" + volume + "' FILEFORMAT JSON", "42601", "PARSE_SYNTAX_ERROR");
    }

    @Test
    void aDeniedTableIs42501() throws Exception {
        WAREHOUSE.warehouse().tokens().add("dapi-loader", "loader@example.com");
        WAREHOUSE.warehouse().permissions().deny("loader@example.com", "main.default." + table);
        try (Connection loader = DriverManager.getConnection(WAREHOUSE.warehouse().jdbcUrl("dapi-loader"))) {
            assertThatThrownBy(() -> Jdbc.update(loader, "COPY INTO " + table + " FROM '" + volume
                    + "/ok.json' FILEFORMAT = JSON")).isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42501");
                        assertThat(e.getMessage()).contains("[INSUFFICIENT_PERMISSIONS]");
                    });
        }
    }
}
