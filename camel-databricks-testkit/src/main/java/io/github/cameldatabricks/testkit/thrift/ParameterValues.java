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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.databricks.jdbc.model.client.thrift.generated.TSparkParameter;
import com.databricks.jdbc.model.client.thrift.generated.TSparkParameterValue;
import com.databricks.jdbc.model.client.thrift.generated.TSparkParameterValueArg;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Turns one {@code TSparkParameter} into the DuckDB SQL that stands for its marker and the typed values bound to that
 * SQL's own {@code ?} markers: a scalar is {@code ?} and one Java value; ARRAY, MAP and STRUCT parameters are expanded
 * into a DuckDB list, map or struct constructor over their {@code arguments}.
 *
 * <p>
 * Type names are the ones the official clients send: databricks-jdbc 3.4.5 sends its {@code ColumnInfoTypeName} names
 * (BYTE, SHORT, INT, LONG, DECIMAL(p,s), NULL, ...; {@code DatabricksThriftServiceClient
 * #mapToSparkParameterListItem}), the Python connector the SQL names (TINYINT, BIGINT, VOID, TIMESTAMP_NTZ, ARRAY, MAP;
 * {@code src/databricks/sql/parameters/native.py}), the Node.js connector INTEGER and sends NULL without type or value
 * ({@code lib/DBSQLParameter.ts}). Complex values travel in {@code arguments} ({@code TSparkParameterValueArg{type,
 * value, arguments}}, no {@code value}) as the arguments of Spark's constructor functions: {@code array(a, b)},
 * {@code map(k1, v1, k2, v2)} (native.py's MapParameter flattens the dict this way) and {@code struct(a, b)}, whose
 * fields Spark names {@code col1, col2, ...}. A type this emulator cannot bind is refused with an error naming it,
 * never bound as NULL.
 */
final class ParameterValues {

    private static final Set<String> UNSUPPORTED = Set.of("VARIANT", "GEOGRAPHY", "GEOMETRY", "USER_DEFINED_TYPE",
            "OBJECT");

    private final List<Object> values = new ArrayList<>();
    private final StringBuilder sql = new StringBuilder();

    /** The SQL fragment written so far. */
    String sql() {
        return sql.toString();
    }

    /** The values bound to the fragment's markers, in order. */
    List<Object> values() {
        return values;
    }

    /** Appends the SQL and values for one top-level parameter. */
    void append(TSparkParameter p, String label) throws WarehouseSqlException {
        String type = p.isSetType() ? normalise(p.getType()) : null;
        if (p.isSetArguments() && p.getArgumentsSize() > 0 || isComplex(type) && !p.isSetValue()) {
            complex(type, p.getArguments() == null ? List.of() : p.getArguments(), label);
            return;
        }
        scalar(type, p.getValue(), label);
    }

    private void scalar(String type, TSparkParameterValue value, String label) throws WarehouseSqlException {
        if (value == null) {
            checkKnown(type, label);
            marker(null);
            return;
        }
        if (value.isSetBooleanValue()) {
            marker(value.getBooleanValue());
        } else if (value.isSetDoubleValue()) {
            marker(value.getDoubleValue());
        } else {
            marker(convert(type, value.isSetStringValue() ? value.getStringValue() : null, label));
        }
    }

    private void argument(TSparkParameterValueArg arg, String label) throws WarehouseSqlException {
        String type = arg.isSetType() ? normalise(arg.getType()) : null;
        if (arg.isSetArguments() && arg.getArgumentsSize() > 0 || isComplex(type) && !arg.isSetValue()) {
            complex(type, arg.getArguments() == null ? List.of() : arg.getArguments(), label);
            return;
        }
        marker(convert(type, arg.isSetValue() ? arg.getValue() : null, label));
    }

    private void complex(String type, List<TSparkParameterValueArg> args, String label) throws WarehouseSqlException {
        String kind = type == null ? "ARRAY" : type.replaceAll("[<(].*", "").trim();
        switch (kind) {
            case "ARRAY" -> {
                sql.append('[');
                for (int i = 0; i < args.size(); i++) {
                    sql.append(i == 0 ? "" : ", ");
                    argument(args.get(i), label);
                }
                sql.append(']');
            }
            case "MAP" -> {
                if (args.size() % 2 != 0) {
                    throw new WarehouseSqlException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605", "The `map`"
                            + " parameter " + label + " requires an even number of arguments (key, value, ...) but"
                            + " the actual number is " + args.size() + ".", false);
                }
                sql.append("MAP {");
                for (int i = 0; i < args.size(); i += 2) {
                    sql.append(i == 0 ? "" : ", ");
                    argument(args.get(i), label);
                    sql.append(": ");
                    argument(args.get(i + 1), label);
                }
                sql.append('}');
            }
            case "STRUCT" -> {
                sql.append('{');
                for (int i = 0; i < args.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("'col").append(i + 1).append("': ");
                    argument(args.get(i), label);
                }
                sql.append('}');
            }
            default -> throw unsupportedType(type, label);
        }
    }

    private void marker(Object value) {
        sql.append('?');
        values.add(value);
    }

    private static boolean isComplex(String type) {
        return type != null && (type.startsWith("ARRAY") || type.startsWith("MAP") || type.startsWith("STRUCT"));
    }

    private static String normalise(String type) {
        return type.trim().toUpperCase(Locale.ROOT);
    }

    private static void checkKnown(String type, String label) throws WarehouseSqlException {
        if (type != null) {
            convert(type, null, label);
        }
    }

    /** Converts a string value to the Java value DuckDB binds as the declared type; null stays null. */
    static Object convert(String type, String s, String label) throws WarehouseSqlException {
        String t = type == null ? "STRING" : type;
        if (t.startsWith("DECIMAL")) {
            return s == null ? null : parse(t, s, label, () -> new BigDecimal(s.trim()));
        }
        if (t.startsWith("CHAR") || t.startsWith("VARCHAR")) {
            return s;
        }
        switch (t) {
            case "VOID", "NULL" :
                return null;
            case "STRING" :
                return s;
            default :
                break;
        }
        if (isComplex(t)) {
            // databricks-jdbc sends ARRAY/MAP/STRUCT objects as one string value: their element types are unknown
            throw new WarehouseSqlException("UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE", "0A000", "LocalWarehouse does"
                    + " not support " + t + " parameter " + label + " given as a string value; send its elements as"
                    + " TSparkParameter arguments.", false);
        }
        if (s == null) {
            if (!isScalar(t)) {
                throw unsupportedType(t, label);
            }
            return null;
        }
        String v = s.trim();
        return switch (t) {
            case "BOOLEAN" -> parse(t, s, label, () -> parseBoolean(v));
            case "TINYINT", "BYTE" -> parse(t, s, label, () -> Byte.parseByte(v));
            case "SMALLINT", "SHORT" -> parse(t, s, label, () -> Short.parseShort(v));
            case "INT", "INTEGER" -> parse(t, s, label, () -> Integer.parseInt(v));
            case "BIGINT", "LONG" -> parse(t, s, label, () -> Long.parseLong(v));
            case "FLOAT", "REAL" -> parse(t, s, label, () -> Float.parseFloat(v));
            case "DOUBLE" -> parse(t, s, label, () -> Double.parseDouble(v));
            case "DATE" -> parse(t, s, label, () -> LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v));
            case "TIMESTAMP", "TIMESTAMP_LTZ" -> parse(t, s, label, () -> timestamp(v, true));
            case "TIMESTAMP_NTZ" -> parse(t, s, label, () -> timestamp(v, false));
            case "BINARY" -> parse(t, s, label, () -> HexFormat.of().parseHex(v));
            default -> throw unsupportedType(t, label);
        };
    }

    private static boolean isScalar(String t) {
        return Set.of("BOOLEAN", "TINYINT", "BYTE", "SMALLINT", "SHORT", "INT", "INTEGER", "BIGINT", "LONG",
                "FLOAT", "REAL", "DOUBLE", "DATE", "TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ", "BINARY")
                .contains(t);
    }

    private static Boolean parseBoolean(String v) {
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(v);
    }

    /**
     * A TIMESTAMP with an offset (Python sends {@code str(datetime)}, e.g. {@code 2021-09-30 11:27:35+04:00}; Node.js
     * {@code toISOString()}, ending in {@code Z}) is that instant, stored as UTC like every TIMESTAMP here;
     * TIMESTAMP_NTZ keeps the wall-clock time (native.py: "If it contains a timezone, that info will be lost").
     */
    private static LocalDateTime timestamp(String s, boolean instant) {
        String t = s.replace(' ', 'T');
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            OffsetDateTime odt = OffsetDateTime.parse(t);
            return instant ? odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : odt.toLocalDateTime();
        }
    }

    private interface Parser {
        Object parse();
    }

    private static Object parse(String type, String s, String label, Parser parser) throws WarehouseSqlException {
        try {
            return parser.parse();
        } catch (RuntimeException e) {
            throw new WarehouseSqlException("INVALID_PARAMETER_VALUE", "22023",
                    "The value '" + s + "' of parameter " + label + " is not a valid " + type + ".", false);
        }
    }

    private static WarehouseSqlException unsupportedType(String type, String label) {
        if (type != null && (UNSUPPORTED.contains(type) || type.startsWith("INTERVAL"))) {
            return new WarehouseSqlException("UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE", "0A000", "LocalWarehouse does"
                    + " not support " + type + " parameters (parameter " + label + ").", false);
        }
        return new WarehouseSqlException("UNSUPPORTED_DATATYPE", "0A000",
                "Unsupported data type \"" + type + "\" of parameter " + label + ".", false);
    }
}
