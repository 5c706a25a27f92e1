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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import com.databricks.internal.apache.arrow.memory.BufferAllocator;
import com.databricks.internal.apache.arrow.memory.DatabricksBufferAllocator;
import com.databricks.internal.apache.arrow.vector.VectorSchemaRoot;
import com.databricks.internal.apache.arrow.vector.ipc.ArrowStreamReader;
import com.databricks.internal.apache.arrow.vector.types.pojo.Field;
import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.transport.THttpClient;
import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementReq;
import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementResp;
import com.databricks.jdbc.model.client.thrift.generated.TFetchOrientation;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsReq;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataResp;
import com.databricks.jdbc.model.client.thrift.generated.TOpenSessionReq;
import com.databricks.jdbc.model.client.thrift.generated.TProtocolVersion;
import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TSessionHandle;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowBatch;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowTypes;
import com.databricks.jdbc.model.client.thrift.generated.TSparkGetDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TSparkRowSetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * What LocalWarehouse sends on the wire for clients other than databricks-jdbc's defaults, read with a raw Thrift
 * client and decoded with the driver's own (shaded) Arrow reader: uncompressed batches, TIMESTAMP and DECIMAL as
 * strings without {@code useArrowNativeTypes}, LZ4 frames with it, running {@code startRowOffset}s across pages, and
 * column-based sets for clients that don't ask for Arrow.
 */
class ArrowWireTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(0).maxPageRows(1_000));

    // range(n)'s column is id, as in Spark
    private static final String QUERY = "SELECT id AS n, CAST(id / 4 AS DECIMAL(10,2)) AS dec,"
            + " TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(id) AS ts, 'r' || id AS s FROM range(2500)";
    private static final byte[] LZ4_FRAME_MAGIC = { 0x04, 0x22, 0x4D, 0x18 };
    private static final byte[] IPC_CONTINUATION = { -1, -1, -1, -1 };

    @Test
    void uncompressedArrowWithoutNativeTypesIsPagedWithRunningOffsets() throws Exception {
        try (Client client = new Client()) {
            TExecuteStatementReq req = client.statement(QUERY).setCanReadArrowResult(true);
            TExecuteStatementResp resp = client.thrift.ExecuteStatement(req);
            TGetResultSetMetadataResp md = resp.getDirectResults().getResultSetMetadata();
            assertThat(md.getResultFormat()).isEqualTo(TSparkRowSetType.ARROW_BASED_SET);
            assertThat(md.isLz4Compressed()).isFalse();
            assertThat(md.getArrowSchema()).startsWith(IPC_CONTINUATION);

            List<TRowSet> pages = client.allPages(resp);
            assertThat(pages).hasSize(3);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.writeBytes(md.getArrowSchema());
            long offset = 0;
            for (TRowSet page : pages) {
                assertThat(page.getStartRowOffset()).isEqualTo(offset);
                assertThat(page.isSetColumns()).isFalse();
                for (TSparkArrowBatch batch : page.getArrowBatches()) {
                    assertThat(batch.getBatch()).startsWith(IPC_CONTINUATION);
                    offset += batch.getRowCount();
                    stream.writeBytes(batch.getBatch());
                }
            }
            assertThat(offset).isEqualTo(2500);

            List<String> rows = decode(stream.toByteArray(), fields -> {
                assertThat(fields).extracting(f -> f.getType().toString())
                        .containsExactly("Int(64, true)", "Utf8", "Utf8", "Utf8");
                assertThat(fields).extracting(f -> f.getMetadata().get("Spark:DataType:SqlName"))
                        .containsExactly("BIGINT", "DECIMAL(10,2)", "TIMESTAMP", "STRING");
            });
            assertThat(rows).hasSize(2500);
            assertThat(rows.get(0)).isEqualTo("0|0.00|2024-01-01 00:00:00.0|r0");
            assertThat(rows.get(2499)).isEqualTo("2499|624.75|2024-01-01 00:00:00.002499|r2499");
        }
    }

    @Test
    void lz4FramedBatchesWithNativeTimestampsAndDecimals() throws Exception {
        try (Client client = new Client()) {
            TExecuteStatementReq req = client.statement(QUERY + " LIMIT 3").setCanReadArrowResult(true)
                    .setCanDecompressLZ4Result(true)
                    .setUseArrowNativeTypes(new TSparkArrowTypes().setTimestampAsArrow(true).setDecimalAsArrow(true));
            TExecuteStatementResp resp = client.thrift.ExecuteStatement(req);
            TGetResultSetMetadataResp md = resp.getDirectResults().getResultSetMetadata();
            assertThat(md.isLz4Compressed()).isTrue();
            List<TSparkArrowBatch> batches = resp.getDirectResults().getResultSet().getResults().getArrowBatches();
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0).getRowCount()).isEqualTo(3);
            assertThat(batches.get(0).getBatch()).startsWith(LZ4_FRAME_MAGIC);

            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.writeBytes(md.getArrowSchema());
            try (net.jpountz.lz4.LZ4FrameInputStream in = new net.jpountz.lz4.LZ4FrameInputStream(
                    new ByteArrayInputStream(batches.get(0).getBatch()))) {
                stream.writeBytes(in.readAllBytes());
            }
            List<String> rows = decode(stream.toByteArray(), fields -> assertThat(fields)
                    .extracting(f -> f.getType().toString())
                    .containsExactly("Int(64, true)", "Decimal(10, 2, 128)", "Timestamp(MICROSECOND, Etc/UTC)",
                            "Utf8"));
            assertThat(rows).containsExactly("0|0.00|1704067200000000|r0", "1|0.25|1704067200000001|r1",
                    "2|0.50|1704067200000002|r2");
        }
    }

    @Test
    void clientsThatDoNotAskForArrowGetColumns() throws Exception {
        try (Client client = new Client()) {
            TExecuteStatementResp resp = client.thrift.ExecuteStatement(client.statement(QUERY + " LIMIT 3"));
            assertThat(resp.getDirectResults().getResultSetMetadata().getResultFormat())
                    .isEqualTo(TSparkRowSetType.COLUMN_BASED_SET);
            TRowSet rows = resp.getDirectResults().getResultSet().getResults();
            assertThat(rows.isSetArrowBatches()).isFalse();
            assertThat(rows.getColumns()).hasSize(4);
            assertThat(rows.getColumns().get(3).getStringVal().getValues()).containsExactly("r0", "r1", "r2");
        }
    }

    interface SchemaCheck {
        void check(List<Field> fields);
    }

    /** Rows of the IPC stream as "a|b|c" strings, read by the driver's Arrow reader on its heap allocator. */
    static List<String> decode(byte[] ipcStream, SchemaCheck check) throws Exception {
        List<String> rows = new ArrayList<>();
        try (BufferAllocator allocator = new DatabricksBufferAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipcStream), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            check.check(root.getSchema().getFields());
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++) {
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < root.getFieldVectors().size(); c++) {
                        values.add(String.valueOf(root.getVector(c).getObject(r)));
                    }
                    rows.add(String.join("|", values));
                }
            }
        }
        return rows;
    }

    /** A bare TCLIService client over HTTP with the warehouse's token, as a non-JDBC client would be. */
    private static final class Client implements AutoCloseable {
        final THttpClient transport;
        final TCLIService.Client thrift;
        final TSessionHandle session;

        Client() throws Exception {
            LocalWarehouse w = WAREHOUSE.warehouse();
            transport = new THttpClient(w.baseUrl() + w.httpPath());
            transport.setCustomHeader("Authorization", "Bearer " + w.token());
            thrift = new TCLIService.Client(new TBinaryProtocol(transport));
            session = thrift.OpenSession(new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8)).getSessionHandle();
        }

        TExecuteStatementReq statement(String sql) {
            return new TExecuteStatementReq(session, sql).setRunAsync(false)
                    .setGetDirectResults(new TSparkGetDirectResults().setMaxRows(1_000));
        }

        List<TRowSet> allPages(TExecuteStatementResp resp) throws Exception {
            List<TRowSet> pages = new ArrayList<>();
            TFetchResultsResp page = resp.getDirectResults().getResultSet();
            pages.add(page.getResults());
            while (page.isHasMoreRows()) {
                page = thrift.FetchResults(new TFetchResultsReq(resp.getOperationHandle(),
                        TFetchOrientation.FETCH_NEXT, 1_000).setIncludeResultSetMetadata(true));
                pages.add(page.getResults());
            }
            return pages;
        }

        @Override
        public void close() {
            transport.close();
        }
    }
}
