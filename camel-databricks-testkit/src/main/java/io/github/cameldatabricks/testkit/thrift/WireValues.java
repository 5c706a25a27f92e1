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
package io.github.cameldatabricks.testkit.thrift;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duckdb.DuckDBArray;
import org.duckdb.DuckDBStruct;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Reads a DuckDB value in the Java form its Thrift column carries: Boolean, Byte, Short, Integer, Long, Double, byte[]
 * or String (DECIMAL, DATE, TIMESTAMP travel as strings, as on a real warehouse); ARRAY, MAP and STRUCT in the form
 * {@link NestedValues} describes.
 */
final class WireValues {

    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, true).optionalEnd()
            .toFormatter();
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireValues() {
    }

    static Object read(ResultSet rs, int index, ResultColumn column) throws SQLException, WarehouseSqlException {
        Object value;
        switch (column.type().typeId()) {
            case BOOLEAN_TYPE -> value = rs.getBoolean(index);
            case TINYINT_TYPE -> value = rs.getByte(index);
            case SMALLINT_TYPE -> value = rs.getShort(index);
            case INT_TYPE -> value = rs.getInt(index);
            case BIGINT_TYPE -> value = readBigint(rs, index);
            case FLOAT_TYPE, DOUBLE_TYPE -> value = rs.getDouble(index);
            case DECIMAL_TYPE -> {
                Object raw = rs.getObject(index);
                value = raw == null ? null : new java.math.BigDecimal(raw.toString()).toPlainString();
            }
            case DATE_TYPE -> {
                LocalDate date = rs.getObject(index, LocalDate.class);
                value = date == null ? null : date.toString();
            }
            case TIMESTAMP_TYPE -> value = readTimestamp(rs, index, column);
            case BINARY_TYPE -> value = rs.getBytes(index);
            case ARRAY_TYPE, MAP_TYPE, STRUCT_TYPE -> value = NestedValues.wire(rs.getObject(index), column.type());
            case NULL_TYPE -> value = null;
            default -> value = render(rs.getObject(index));
        }
        return rs.wasNull() ? null : value;
    }

    private static Object readBigint(ResultSet rs, int index) throws SQLException, WarehouseSqlException {
        Object raw = rs.getObject(index);
        if (raw instanceof BigInteger big) {
            try {
                return big.longValueExact();
            } catch (ArithmeticException e) {
                throw new WarehouseSqlException("ARITHMETIC_OVERFLOW", "22003",
                        "Value " + big + " does not fit BIGINT.", false);
            }
        }
        return raw == null ? null : ((Number) raw).longValue();
    }

    private static String readTimestamp(ResultSet rs, int index, ResultColumn column) throws SQLException {
        LocalDateTime ts;
        if (column.duckType().equalsIgnoreCase("TIMESTAMP WITH TIME ZONE")) {
            OffsetDateTime odt = rs.getObject(index, OffsetDateTime.class);
            ts = odt == null ? null : odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else {
            ts = rs.getObject(index, LocalDateTime.class);
        }
        return ts == null ? null : TIMESTAMP.format(ts);
    }

    /** Other values (UUID, JSON, ENUM, UNION...) as strings; nested DuckDB values as JSON. */
    static String render(Object value) throws SQLException {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        Object plain = plain(value);
        if (plain instanceof Map || plain instanceof List) {
            try {
                return JSON.writeValueAsString(plain);
            } catch (JsonProcessingException e) {
                return String.valueOf(plain);
            }
        }
        return String.valueOf(plain);
    }

    private static Object plain(Object value) throws SQLException {
        if (value instanceof DuckDBStruct struct) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : struct.getMap().entrySet()) {
                out.put(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        if (value instanceof DuckDBArray array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> out = new java.util.ArrayList<>();
            for (Object item : items) {
                out.add(plain(item));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return out;
        }
        if (value instanceof java.sql.Timestamp || value instanceof java.sql.Date || value instanceof Number
                || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
