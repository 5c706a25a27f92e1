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
 * The Arrow schema of a result, as the {@code arrowSchema} IPC schema message of
 * {@code TGetResultSetMetadataResp}. Each field carries the Spark type name in its metadata under
 * {@code Spark:DataType:SqlName}, as a warehouse does: databricks-jdbc reads it back per column
 * ({@code common/util/DatabricksThriftUtil.java#getArrowMetadata}) and uses it to pick the conversion
 * ({@code api/impl/converters/ArrowToJavaObjectConverter.java#convert}: {@code TIMESTAMP...}, {@code ARRAY...}).
 *
 * <p>Only Arrow's POJO schema classes and {@link MessageSerializer} are used: they allocate no Arrow memory, so
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
            FieldType type = new FieldType(true, arrowType(c.type(), format), null,
                    Map.of(SPARK_TYPE_KEY, c.type().sparkName()));
            fields.add(new Field(c.name(), type, null));
        }
        return new Schema(fields);
    }

    /**
     * The Arrow type a column travels as. Spark's own mapping ({@code ArrowUtils.toArrowType}) for primitives;
     * TIMESTAMP and DECIMAL as strings unless the client asked for them natively
     * ({@code useArrowNativeTypes}). Types the testkit renders as strings (STRUCT, MAP, ARRAY as JSON, NULL,
     * intervals...) stay UTF-8 strings, typed STRING in the Thrift schema too.
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
