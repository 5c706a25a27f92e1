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
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Every Databricks SQL type the issue lists survives a round trip through the real driver, NULLs included. */
class TypeRoundTripTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static final String COLUMNS = "b BOOLEAN, ti TINYINT, si SMALLINT, i INT, bi BIGINT, f FLOAT, d DOUBLE,"
            + " dec DECIMAL(12,3), s STRING, dt DATE, ts TIMESTAMP, bin BINARY";

    @Test
    void valuesRoundTripWithTheirJdbcTypes() throws Exception {
        String table = Jdbc.uniqueTable("types");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (" + COLUMNS + ")");
            Jdbc.update(c, "INSERT INTO " + table + " VALUES (true, 127, -32768, 2147483647, 9223372036854775807,"
                    + " 1.5, 2.25, 123456789.125, 'héllo ✓', DATE '2024-02-29',"
                    + " TIMESTAMP '2024-01-02 03:04:05.123456', X'CAFE')");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                assertThat(md.getColumnType(1)).isEqualTo(Types.BOOLEAN);
                assertThat(md.getColumnType(2)).isEqualTo(Types.TINYINT);
                assertThat(md.getColumnType(3)).isEqualTo(Types.SMALLINT);
                assertThat(md.getColumnType(4)).isEqualTo(Types.INTEGER);
                assertThat(md.getColumnType(5)).isEqualTo(Types.BIGINT);
                assertThat(md.getColumnType(7)).isEqualTo(Types.DOUBLE);
                assertThat(md.getColumnType(8)).isEqualTo(Types.DECIMAL);
                assertThat(md.getPrecision(8)).isEqualTo(12);
                assertThat(md.getScale(8)).isEqualTo(3);
                assertThat(md.getColumnType(9)).isEqualTo(Types.VARCHAR);
                assertThat(md.getColumnType(10)).isEqualTo(Types.DATE);
                assertThat(md.getColumnType(11)).isEqualTo(Types.TIMESTAMP);
                assertThat(md.getColumnType(12)).isEqualTo(Types.BINARY);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getByte(2)).isEqualTo((byte) 127);
                assertThat(rs.getShort(3)).isEqualTo((short) -32768);
                assertThat(rs.getInt(4)).isEqualTo(Integer.MAX_VALUE);
                assertThat(rs.getLong(5)).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getFloat(6)).isEqualTo(1.5f);
                assertThat(rs.getDouble(7)).isEqualTo(2.25d);
                assertThat(rs.getBigDecimal(8)).isEqualTo(new BigDecimal("123456789.125"));
                assertThat(rs.getString(9)).isEqualTo("héllo ✓");
                assertThat(rs.getDate(10)).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(rs.getTimestamp(11)).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123456"));
                assertThat(rs.getBytes(12)).containsExactly(0xCA, 0xFE);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void nullsOfEveryTypeAreNull() throws Exception {
        String table = Jdbc.uniqueTable("nulls");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (" + COLUMNS + ")");
            Jdbc.update(c, "INSERT INTO " + table + " VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL)");
            Jdbc.update(c, "INSERT INTO " + table + " (i, s) VALUES (7, 'seven')");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY i NULLS FIRST")) {
                assertThat(rs.next()).isTrue();
                for (int col = 1; col <= 12; col++) {
                    assertThat(rs.getObject(col)).as("column %d", col).isNull();
                }
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("i")).isEqualTo(7);
                assertThat(rs.getString("s")).isEqualTo("seven");
                assertThat(rs.getObject("b")).isNull();
            }
        }
    }

    @Test
    void parametersOfEveryTypeBind() throws Exception {
        String table = Jdbc.uniqueTable("ptypes");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (" + COLUMNS + ")");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setBoolean(1, false);
                ps.setByte(2, (byte) -5);
                ps.setShort(3, (short) 300);
                ps.setInt(4, -7);
                ps.setLong(5, 1L << 40);
                ps.setFloat(6, 0.5f);
                ps.setDouble(7, -1.25d);
                ps.setBigDecimal(8, new BigDecimal("-0.001"));
                ps.setString(9, "x");
                ps.setDate(10, Date.valueOf("1999-12-31"));
                ps.setTimestamp(11, Timestamp.valueOf("2000-01-01 00:00:00.5"));
                ps.setNull(12, Types.BINARY);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getByte(2)).isEqualTo((byte) -5);
                assertThat(rs.getShort(3)).isEqualTo((short) 300);
                assertThat(rs.getInt(4)).isEqualTo(-7);
                assertThat(rs.getLong(5)).isEqualTo(1L << 40);
                assertThat(rs.getFloat(6)).isEqualTo(0.5f);
                assertThat(rs.getDouble(7)).isEqualTo(-1.25d);
                assertThat(rs.getBigDecimal(8)).isEqualByComparingTo("-0.001");
                assertThat(rs.getString(9)).isEqualTo("x");
                assertThat(rs.getDate(10)).isEqualTo(Date.valueOf("1999-12-31"));
                assertThat(rs.getTimestamp(11)).isEqualTo(Timestamp.valueOf("2000-01-01 00:00:00.5"));
                assertThat(rs.getObject(12)).isNull();
            }
        }
    }
}
