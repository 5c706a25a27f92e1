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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.flatbuffers.FlatBufferBuilder;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Encodes one page of rows as an Arrow IPC record-batch message, the {@code batch} of a {@code TSparkArrowBatch},
 * LZ4-frame compressed when the client can decompress it. Clients append the batches to the schema message and read
 * them as one IPC stream (databricks-jdbc: {@code common/util/ArrowUtil.java#createArrowByteStream}).
 *
 * <p>
 * The body buffers are built on the heap and the message header with Arrow's flatbuffer classes, following the IPC
 * format (encapsulated message, 8-byte aligned buffers, one validity bitmap per column): Arrow Java's vectors would
 * need its allocator, which on JDK 17 requires {@code --add-opens=java.base/java.nio}.
 */
final class ArrowBatchEncoder {

    private static final int CONTINUATION = 0xFFFFFFFF;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final List<long[]> nodes = new ArrayList<>();
    private final List<long[]> buffers = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private ArrowBatchEncoder() {
    }

    /** The page as an IPC record-batch message; LZ4-frame compressed when {@code format.lz4()}. */
    static byte[] encode(List<ResultColumn> columns, List<Object[]> rows, ResultFormat format) {
        ArrowBatchEncoder encoder = new ArrowBatchEncoder();
        for (int c = 0; c < columns.size(); c++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                values.add(row[c]);
            }
            encoder.vector(columns.get(c).type(), values, format);
        }
        byte[] message = encoder.message(rows.size());
        return format.lz4() ? lz4Frame(message) : message;
    }

    /**
     * One vector: its field node and buffers, then its children's, depth first, as the IPC format orders them. Complex
     * values the client did not ask for natively are sent as their text.
     */
    private void vector(ColumnType type, List<Object> values, ResultFormat format) {
        ArrowType arrowType = ArrowSchemas.arrowType(type, format);
        int n = values.size();
        if (arrowType.getTypeID() == ArrowType.ArrowTypeID.Null) {
            nodes.add(new long[]{ n, n }); // the Null layout has no buffers
            return;
        }
        if (type.isComplex() && arrowType.getTypeID() == ArrowType.ArrowTypeID.Utf8) {
            List<Object> texts = new ArrayList<>(n);
            for (Object v : values) {
                texts.add(v == null ? null : NestedValues.render(v, type));
            }
            values = texts;
        }
        byte[] validity = new byte[(n + 7) / 8];
        int nulls = 0;
        for (int r = 0; r < n; r++) {
            if (values.get(r) == null) {
                nulls++;
            } else {
                validity[r >> 3] |= (byte) (1 << (r & 7));
            }
        }
        nodes.add(new long[]{ n, nulls });
        addBuffer(validity);
        switch (arrowType.getTypeID()) {
            case Bool -> {
                byte[] bits = new byte[(n + 7) / 8];
                for (int r = 0; r < n; r++) {
                    if (Boolean.TRUE.equals(values.get(r))) {
                        bits[r >> 3] |= (byte) (1 << (r & 7));
                    }
                }
                addBuffer(bits);
            }
            case Int, FloatingPoint, Date, Timestamp, Decimal -> addBuffer(fixedWidth(arrowType, type, values));
            case List -> {
                List<Object> elements = new ArrayList<>();
                addBuffer(offsets(values, v -> elements.addAll((List<?>) v)));
                vector(type.children().get(0), elements, format);
            }
            case Map -> {
                List<Object> keys = new ArrayList<>();
                List<Object> mapValues = new ArrayList<>();
                addBuffer(offsets(values, v -> ((Map<?, ?>) v).forEach((key, value) -> {
                    keys.add(key);
                    mapValues.add(value);
                })));
                // the non-null "entries" struct: all valid, no nulls
                byte[] allValid = new byte[(keys.size() + 7) / 8];
                Arrays.fill(allValid, (byte) 0xFF);
                nodes.add(new long[]{ keys.size(), 0 });
                addBuffer(allValid);
                vector(type.children().get(0), keys, format);
                vector(type.children().get(1), mapValues, format);
            }
            case Struct -> {
                for (int f = 0; f < type.children().size(); f++) {
                    List<Object> field = new ArrayList<>(n);
                    for (Object v : values) {
                        field.add(v == null ? null : ((NestedValues.StructValue) v).values().get(f));
                    }
                    vector(type.children().get(f), field, format);
                }
            }
            default -> variableWidth(values);
        }
    }

    /** A List's or Map's int32 offsets; {@code members} receives each non-null value to append its items. */
    private static byte[] offsets(List<Object> values, Consumer<Object> members) {
        ByteBuffer offsets = ByteBuffer.allocate((values.size() + 1) * 4).order(ByteOrder.LITTLE_ENDIAN);
        int end = 0;
        offsets.putInt(0);
        for (Object v : values) {
            if (v != null) {
                end += v instanceof Map<?, ?> map ? map.size() : ((List<?>) v).size();
                members.accept(v);
            }
            offsets.putInt(end);
        }
        return offsets.array();
    }

    private static byte[] fixedWidth(ArrowType arrowType, ColumnType type, List<Object> values) {
        int width = switch (arrowType.getTypeID()) {
            case Int -> ((ArrowType.Int) arrowType).getBitWidth() / 8;
            case FloatingPoint -> ((ArrowType.FloatingPoint) arrowType).getPrecision() == FloatingPointPrecision.SINGLE
                    ? 4 : 8;
            case Date -> 4;
            case Timestamp -> 8;
            default -> 16;
        };
        ByteBuffer out = ByteBuffer.allocate(values.size() * width).order(ByteOrder.LITTLE_ENDIAN);
        for (Object v : values) {
            int start = out.position();
            if (v != null) {
                switch (arrowType.getTypeID()) {
                    case Int -> putInt(out, width, ((Number) v).longValue());
                    case FloatingPoint -> {
                        if (width == 4) {
                            out.putFloat(((Number) v).floatValue());
                        } else {
                            out.putDouble(((Number) v).doubleValue());
                        }
                    }
                    case Date -> out.putInt((int) LocalDate.parse(v.toString()).toEpochDay());
                    case Timestamp -> out.putLong(epochMicros(v.toString()));
                    default -> out.put(decimal128(new BigDecimal(v.toString()), type.scale()));
                }
            }
            out.position(start + width);
        }
        return out.array();
    }

    private static void putInt(ByteBuffer out, int width, long v) {
        switch (width) {
            case 1 -> out.put((byte) v);
            case 2 -> out.putShort((short) v);
            case 4 -> out.putInt((int) v);
            default -> out.putLong(v);
        }
    }

    /**
     * Microseconds since the epoch of a UTC timestamp in the testkit's wire form ({@link WireValues#TIMESTAMP}). The
     * common shape {@code yyyy-MM-dd HH:mm:ss[.f{1,6}]} is read by hand: a formatter per value costs more than the rest
     * of the batch encoding.
     */
    static long epochMicros(String timestamp) {
        int n = timestamp.length();
        if (n < 19 || n == 20 || n > 26 || timestamp.charAt(4) != '-' || timestamp.charAt(10) != ' '
                || (n > 19 && timestamp.charAt(19) != '.')) {
            return epochMicrosParsed(timestamp);
        }
        try {
            long days = LocalDate.of(digits(timestamp, 0, 4), digits(timestamp, 5, 7), digits(timestamp, 8, 10))
                    .toEpochDay();
            long seconds = days * 86_400L + digits(timestamp, 11, 13) * 3_600L + digits(timestamp, 14, 16) * 60L
                    + digits(timestamp, 17, 19);
            long micros = 0;
            if (n > 19) {
                micros = digits(timestamp, 20, n);
                for (int i = n - 20; i < 6; i++) {
                    micros *= 10;
                }
            }
            return seconds * MICROS_PER_SECOND + micros;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return epochMicrosParsed(timestamp);
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static long epochMicrosParsed(String timestamp) {
        LocalDateTime t = LocalDateTime.parse(timestamp, WireValues.TIMESTAMP);
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), MICROS_PER_SECOND),
                t.getNano() / 1_000);
    }

    /** The unscaled value as 16 little-endian bytes of two's complement, Arrow's Decimal128 layout. */
    static byte[] decimal128(BigDecimal value, int scale) {
        byte[] bigEndian = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue().toByteArray();
        byte[] out = new byte[16];
        byte sign = (byte) (bigEndian[0] < 0 ? -1 : 0);
        for (int i = 0; i < 16; i++) {
            int from = bigEndian.length - 1 - i;
            out[i] = from >= 0 ? bigEndian[from] : sign;
        }
        return out;
    }

    /** Utf8 and Binary: an int32 offsets buffer and a data buffer. */
    private void variableWidth(List<Object> values) {
        ByteBuffer offsets = ByteBuffer.allocate((values.size() + 1) * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        offsets.putInt(0);
        for (Object v : values) {
            if (v instanceof byte[] bytes) {
                data.writeBytes(bytes);
            } else if (v != null) {
                data.writeBytes(v.toString().getBytes(StandardCharsets.UTF_8));
            }
            offsets.putInt(data.size());
        }
        addBuffer(offsets.array());
        addBuffer(data.toByteArray());
    }

    private void addBuffer(byte[] bytes) {
        buffers.add(new long[]{ body.size(), bytes.length });
        body.writeBytes(bytes);
        pad(body);
    }

    private static void pad(ByteArrayOutputStream out) {
        while (out.size() % 8 != 0) {
            out.write(0);
        }
    }

    /** Encapsulated message: continuation marker, metadata length, flatbuffer Message, padding, body. */
    private byte[] message(int rowCount) {
        FlatBufferBuilder fb = new FlatBufferBuilder(256);
        // vectors of structs are written back to front
        RecordBatch.startNodesVector(fb, nodes.size());
        for (int i = nodes.size() - 1; i >= 0; i--) {
            FieldNode.createFieldNode(fb, nodes.get(i)[0], nodes.get(i)[1]);
        }
        int nodesOffset = fb.endVector();
        RecordBatch.startBuffersVector(fb, buffers.size());
        for (int i = buffers.size() - 1; i >= 0; i--) {
            Buffer.createBuffer(fb, buffers.get(i)[0], buffers.get(i)[1]);
        }
        int buffersOffset = fb.endVector();
        RecordBatch.startRecordBatch(fb);
        RecordBatch.addLength(fb, rowCount);
        RecordBatch.addNodes(fb, nodesOffset);
        RecordBatch.addBuffers(fb, buffersOffset);
        int batch = RecordBatch.endRecordBatch(fb);
        Message.startMessage(fb);
        Message.addVersion(fb, MetadataVersion.V5);
        Message.addHeaderType(fb, MessageHeader.RecordBatch);
        Message.addHeader(fb, batch);
        Message.addBodyLength(fb, body.size());
        fb.finish(Message.endMessage(fb));
        byte[] metadata = fb.sizedByteArray();
        int paddedLength = (metadata.length + 8 + 7) / 8 * 8 - 8;
        ByteBuffer out = ByteBuffer.allocate(8 + paddedLength + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(CONTINUATION).putInt(paddedLength).put(metadata);
        out.position(8 + paddedLength);
        out.put(body.toByteArray());
        return out.array();
    }

    private static byte[] lz4Frame(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 64);
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out)) {
            lz4.write(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
