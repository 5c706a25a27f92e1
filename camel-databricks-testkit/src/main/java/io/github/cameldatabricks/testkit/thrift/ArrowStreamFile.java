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
import java.util.List;

import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * One CloudFetch result file: a complete Arrow IPC stream (schema message, one record batch, end-of-stream marker),
 * LZ4-frame compressed as a whole when the result is. databricks-jdbc reads a downloaded file with an
 * {@code ArrowStreamReader} after decompressing it as one frame ({@code api/impl/arrow/ArrowResultChunk.java},
 * {@code common/util/DecompressionUtil.java}), unlike inline batches, which are compressed one by one.
 */
final class ArrowStreamFile {

    /** The IPC end-of-stream marker: continuation, then a zero metadata length. */
    private static final byte[] END_OF_STREAM = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0 };

    /** The file's bytes and the stream's size before compression (the link's {@code bytesNum}). */
    record Encoded(byte[] body, long uncompressedBytes) {
    }

    private ArrowStreamFile() {
    }

    static Encoded encode(List<ResultColumn> columns, List<Object[]> rows, ResultFormat format) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ArrowSchemas.serialize(ArrowSchemas.schema(columns, format)));
        stream.writeBytes(ArrowBatchEncoder.encode(columns, rows, format.uncompressed()));
        stream.writeBytes(END_OF_STREAM);
        byte[] plain = stream.toByteArray();
        return new Encoded(format.lz4() ? lz4Frame(plain) : plain, plain.length);
    }

    private static byte[] lz4Frame(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out)) {
            lz4.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
