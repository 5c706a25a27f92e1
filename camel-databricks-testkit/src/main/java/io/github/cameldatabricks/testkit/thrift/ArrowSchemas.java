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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of a result, as the {@code arrowSchema} IPC schema message of {@code TGetResultSetMetadataResp}.
 * Each field carries the Spark type name in its metadata under {@code Spark:DataType:SqlName}, as a warehouse does:
 * databricks-jdbc reads it back per column ({@code common/util/DatabricksThriftUtil.java#getArrowMetadata}) and uses it
 * to pick the conversion ({@code api/impl/converters/ArrowToJavaObjectConverter.java#convert}: {@code TIMESTAMP...},
 * {@code ARRAY...}).
 *
 * <p>
 * Only Arrow's POJO schema classes and {@link MessageSerializer} are used: they allocate no Arrow memory, so
 * LocalWarehouse needs no {@code --add-opens} flag.
 */
final class ArrowSchemas {

    static final String SPARK_TYPE_KEY = "Spark:DataType:SqlName";
    /** The zone of Arrow timestamps: a warehouse's session time zone, UTC unless configured otherwise. */
    static final String TIME_ZONE = "Etc/UTC";

    private ArrowSchemas() {
    }

    static Schema schema(List<ResultColumn> columns, ResultFormat format) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (ResultColumn c : columns) {
            fields.add(field(c.name(), c.type(), format, true, Map.of(SPARK_TYPE_KEY, c.type().sparkName())));
        }
        return new Schema(fields);
    }

    /**
     * A field and, for native complex types, its children as Spark's {@code ArrowUtils.toArrowField} lays them out: a
     * List's child {@code element}; a Map's non-null Struct child {@code entries} with a non-null {@code key} and a
     * {@code value}; a Struct's children named after its fields.
     */
    private static Field field(String name, ColumnType type, ResultFormat format, boolean nullable,
            Map<String, String> metadata) {
        ArrowType arrowType = arrowType(type, format);
        List<Field> children = new ArrayList<>();
        switch (arrowType.getTypeID()) {
            case List -> children.add(field("element", type.children().get(0), format, true, null));
            case Map -> {
                Field key = field("key", type.children().get(0), format, false, null);
                Field value = field("value", type.children().get(1), format, true, null);
                children.add(new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null),
                        List.of(key, value)));
            }
            case Struct -> {
                for (int i = 0; i < type.children().size(); i++) {
                    children.add(field(type.fieldNames().get(i), type.children().get(i), format, true, null));
                }
            }
            default -> {
                // a primitive: no children
            }
        }
        return new Field(name, new FieldType(nullable, arrowType, null, metadata), children);
    }

    /**
     * The Arrow type a column travels as. Spark's own mapping ({@code ArrowUtils.toArrowType}) for primitives;
     * TIMESTAMP and DECIMAL as strings unless the client asked for them natively ({@code useArrowNativeTypes}); ARRAY,
     * MAP, STRUCT as Arrow List, Map, Struct if the client asked for {@code complexTypesAsArrow}, else as their text;
     * VOID as Arrow Null if it asked for {@code nullTypeAsArrow} (databricks-jdbc 3.4.5 asks for both:
     * {@code DatabricksThriftServiceClient#getRequest}), else as strings. Other types the testkit serves as strings
     * stay UTF-8 strings, typed STRING in the Thrift schema too.
     */
    static ArrowType arrowType(ColumnType type, ResultFormat format) {
        return switch (type.typeId()) {
            case BOOLEAN_TYPE -> ArrowType.Bool.INSTANCE;
            case TINYINT_TYPE -> new ArrowType.Int(8, true);
            case SMALLINT_TYPE -> new ArrowType.Int(16, true);
            case INT_TYPE -> new ArrowType.Int(32, true);
            case BIGINT_TYPE -> new ArrowType.Int(64, true);
            case FLOAT_TYPE -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE_TYPE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL_TYPE -> format.decimalAsArrow()
                    ? new ArrowType.Decimal(type.precision(), type.scale(), 128)
                    : ArrowType.Utf8.INSTANCE;
            case DATE_TYPE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP_TYPE -> format.timestampAsArrow()
                    ? new ArrowType.Timestamp(TimeUnit.MICROSECOND, TIME_ZONE)
                    : ArrowType.Utf8.INSTANCE;
            case BINARY_TYPE -> ArrowType.Binary.INSTANCE;
            case ARRAY_TYPE -> format.complexAsArrow() ? ArrowType.List.INSTANCE : ArrowType.Utf8.INSTANCE;
            case MAP_TYPE -> format.complexAsArrow() ? new ArrowType.Map(false) : ArrowType.Utf8.INSTANCE;
            case STRUCT_TYPE -> format.complexAsArrow() ? ArrowType.Struct.INSTANCE : ArrowType.Utf8.INSTANCE;
            case NULL_TYPE -> format.nullAsArrow() ? ArrowType.Null.INSTANCE : ArrowType.Utf8.INSTANCE;
            default -> ArrowType.Utf8.INSTANCE;
        };
    }

    /** The schema as one encapsulated IPC message (continuation marker, length, flatbuffer, padding). */
    static byte[] serialize(Schema schema) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
