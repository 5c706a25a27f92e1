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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.databricks.jdbc.model.client.thrift.generated.TTypeId;

import io.github.cameldatabricks.testkit.sql.SparkTypeNames;

/**
 * A result column's Databricks type, derived from the DuckDB type name: its Thrift type id, Spark's name for it
 * ({@code DataType.sql}: {@code INT}, {@code DECIMAL(10,2)}, {@code ARRAY<INT>}, {@code STRUCT<a: INT>}), DECIMAL's
 * precision and scale, and for ARRAY, MAP and STRUCT the element, key/value or field types and field names.
 */
record ColumnType(TTypeId typeId, String sparkName, int precision, int scale, List<ColumnType> children,
        List<String> fieldNames) {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

    static final ColumnType STRING = new ColumnType(TTypeId.STRING_TYPE, "STRING", 0, 0);
    static final ColumnType BIGINT = new ColumnType(TTypeId.BIGINT_TYPE, "BIGINT", 0, 0);
    static final ColumnType INT = new ColumnType(TTypeId.INT_TYPE, "INT", 0, 0);
    static final ColumnType SMALLINT = new ColumnType(TTypeId.SMALLINT_TYPE, "SMALLINT", 0, 0);
    static final ColumnType BOOLEAN = new ColumnType(TTypeId.BOOLEAN_TYPE, "BOOLEAN", 0, 0);

    /** A scalar type. */
    ColumnType(TTypeId typeId, String sparkName, int precision, int scale) {
        this(typeId, sparkName, precision, scale, List.of(), List.of());
    }

    static ColumnType fromDuck(String duckTypeName) {
        return from(SparkTypeNames.parse(duckTypeName));
    }

    private static ColumnType from(SparkTypeNames.Type type) {
        if (!type.children().isEmpty() || type.isStruct()) {
            List<ColumnType> children = new ArrayList<>();
            for (SparkTypeNames.Type child : type.children()) {
                children.add(from(child));
            }
            TTypeId id = type.isArray() ? TTypeId.ARRAY_TYPE : type.isMap() ? TTypeId.MAP_TYPE : TTypeId.STRUCT_TYPE;
            return new ColumnType(id, type.sql(), 0, 0, List.copyOf(children), type.fieldNames());
        }
        String name = type.kind();
        Matcher m = DECIMAL.matcher(name);
        if (m.matches()) {
            return new ColumnType(TTypeId.DECIMAL_TYPE, name, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)));
        }
        return switch (name) {
            case "BOOLEAN" -> BOOLEAN;
            case "TINYINT" -> new ColumnType(TTypeId.TINYINT_TYPE, name, 0, 0);
            case "SMALLINT" -> SMALLINT;
            case "INT" -> INT;
            case "BIGINT" -> BIGINT;
            case "FLOAT" -> new ColumnType(TTypeId.FLOAT_TYPE, name, 0, 0);
            case "DOUBLE" -> new ColumnType(TTypeId.DOUBLE_TYPE, name, 0, 0);
            case "DATE" -> new ColumnType(TTypeId.DATE_TYPE, name, 0, 0);
            case "TIMESTAMP" -> new ColumnType(TTypeId.TIMESTAMP_TYPE, name, 0, 0);
            case "BINARY" -> new ColumnType(TTypeId.BINARY_TYPE, name, 0, 0);
            // SELECT NULL: a real warehouse declares NULL_TYPE, Arrow Null and Spark:DataType:SqlName VOID
            // (databricks/databricks-jdbc recording thriftserverapi/datatypesintegrationtests/testnullhandling*)
            case "VOID" -> new ColumnType(TTypeId.NULL_TYPE, name, 0, 0);
            default -> STRING;
        };
    }

    /** True for ARRAY, MAP and STRUCT. */
    boolean isComplex() {
        return typeId == TTypeId.ARRAY_TYPE || typeId == TTypeId.MAP_TYPE || typeId == TTypeId.STRUCT_TYPE;
    }
}
