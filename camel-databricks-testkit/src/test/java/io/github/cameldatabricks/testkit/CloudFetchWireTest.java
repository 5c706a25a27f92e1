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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.transport.THttpClient;
import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import com.databricks.jdbc.model.client.thrift.generated.TCloseOperationReq;
import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementReq;
import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementResp;
import com.databricks.jdbc.model.client.thrift.generated.TFetchOrientation;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsReq;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataResp;
import com.databricks.jdbc.model.client.thrift.generated.TOpenSessionReq;
import com.databricks.jdbc.model.client.thrift.generated.TProtocolVersion;
import com.databricks.jdbc.model.client.thrift.generated.TSessionHandle;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowResultLink;
import com.databricks.jdbc.model.client.thrift.generated.TSparkGetDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TSparkRowSetType;
import com.databricks.jdbc.model.client.thrift.generated.TStatusCode;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.Test;

/**
 * CloudFetch on the wire, with a bare Thrift client and a plain HTTP client: what the links and files look like
 * (complete LZ4-framed Arrow IPC streams, {@code bytesNum} the uncompressed size, {@code expiryTime} in epoch
 * milliseconds), that downloads need no Authorization, that an expired link answers 403 and a fresh one from
 * {@code FetchResults(startRowOffset)} works, and that closing the operation makes its links 404.
 */
class CloudFetchWireTest {

    private static final String QUERY = "SELECT id AS n, 'r' || id AS s FROM range(2500)";
    private static final byte[] LZ4_FRAME_MAGIC = { 0x04, 0x22, 0x4D, 0x18 };
    private static final byte[] END_OF_STREAM = { -1, -1, -1, -1, 0, 0, 0, 0 };
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void linksAreDownloadableWithoutCredentialsUntilTheyExpireOrTheOperationCloses() throws Exception {
        ManualClock clock = new ManualClock();
        try (LocalWarehouse w = LocalWarehouse.builder().sampleRows(0).clock(clock).cloudFetchThresholdRows(0)
                .cloudFetchRowsPerFile(1_000).cloudFetchLinksPerFetch(2).cloudFetchLinkLifetime(LIFETIME).build()
                .start()) {
            THttpClient transport = new THttpClient(w.baseUrl() + w.httpPath());
            transport.setCustomHeader("Authorization", "Bearer " + w.token());
            TCLIService.Client thrift = new TCLIService.Client(new TBinaryProtocol(transport));
            TSessionHandle session = thrift.OpenSession(new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8)).getSessionHandle();
            TExecuteStatementResp resp = thrift.ExecuteStatement(new TExecuteStatementReq(session, QUERY)
                    .setRunAsync(false).setCanReadArrowResult(true).setCanDecompressLZ4Result(true)
                    .setCanDownloadResult(true).setGetDirectResults(new TSparkGetDirectResults().setMaxRows(100_000)));

            TGetResultSetMetadataResp md = resp.getDirectResults().getResultSetMetadata();
            assertThat(md.getResultFormat()).isEqualTo(TSparkRowSetType.URL_BASED_SET);
            assertThat(md.isLz4Compressed()).isTrue();
            TFetchResultsResp first = resp.getDirectResults().getResultSet();
            assertThat(first.isHasMoreRows()).isTrue();
            assertThat(resp.getDirectResults().isSetCloseOperation()).as("the files stay until the client closes")
                    .isFalse();
            List<TSparkArrowResultLink> links = first.getResults().getResultLinks();
            assertThat(links).extracting(TSparkArrowResultLink::getStartRowOffset).containsExactly(0L, 1_000L);
            assertThat(links).extracting(TSparkArrowResultLink::getRowCount).containsExactly(1_000L, 1_000L);
            assertThat(links).allSatisfy(l -> {
                assertThat(l.getFileLink()).startsWith(w.baseUrl() + "/localwarehouse/cloudfetch/");
                assertThat(l.getExpiryTime()).isEqualTo(clock.millis() + LIFETIME.toMillis());
            });
            assertThat(links.get(0).getFileLink()).isNotEqualTo(links.get(1).getFileLink());

            // downloaded with no Authorization header: a complete IPC stream, compressed as one LZ4 frame
            HttpResponse<byte[]> file = get(links.get(0).getFileLink());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).startsWith(LZ4_FRAME_MAGIC);
            byte[] stream;
            try (LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(file.body()))) {
                stream = in.readAllBytes();
            }
            assertThat((long) stream.length).isEqualTo(links.get(0).getBytesNum());
            assertThat(java.util.Arrays.copyOfRange(stream, stream.length - 8, stream.length))
                    .isEqualTo(END_OF_STREAM);
            List<String> rows = ArrowWireTest.decode(stream, fields -> assertThat(fields)
                    .extracting(f -> f.getType().toString()).containsExactly("Int(64, true)", "Utf8"));
            assertThat(rows).hasSize(1_000);
            assertThat(rows.get(0)).isEqualTo("0|r0");
            assertThat(rows.get(999)).isEqualTo("999|r999");

            // the rest, two links at a time
            TFetchResultsResp next = thrift.FetchResults(new TFetchResultsReq(resp.getOperationHandle(),
                    TFetchOrientation.FETCH_NEXT, 100_000));
            assertThat(next.getResults().getResultLinks()).extracting(TSparkArrowResultLink::getStartRowOffset)
                    .containsExactly(2_000L);
            assertThat(next.getResults().getResultLinks().get(0).getRowCount()).isEqualTo(500);
            assertThat(next.isHasMoreRows()).isFalse();

            assertThat(get(w.baseUrl() + "/localwarehouse/cloudfetch/not-a-token").statusCode()).isEqualTo(404);

            clock.advance(LIFETIME);
            assertThat(get(links.get(1).getFileLink()).statusCode()).as("expired").isEqualTo(403);
            assertThat(w.cloudFetch().expiredDownloads()).isEqualTo(1);

            // a refresh: FetchResults from a file's first row hands out new links from that file on
            TFetchResultsResp refreshed = thrift.FetchResults(new TFetchResultsReq(resp.getOperationHandle(),
                    TFetchOrientation.FETCH_NEXT, 100_000).setStartRowOffset(1_000));
            assertThat(refreshed.getResults().getResultLinks()).extracting(TSparkArrowResultLink::getStartRowOffset)
                    .containsExactly(1_000L, 2_000L);
            assertThat(refreshed.isHasMoreRows()).isFalse();
            TSparkArrowResultLink fresh = refreshed.getResults().getResultLinks().get(0);
            assertThat(fresh.getStartRowOffset()).isEqualTo(1_000);
            assertThat(fresh.getFileLink()).isNotEqualTo(links.get(1).getFileLink());
            assertThat(fresh.getExpiryTime()).isEqualTo(clock.millis() + LIFETIME.toMillis());
            assertThat(get(fresh.getFileLink()).statusCode()).isEqualTo(200);
            assertThat(w.cloudFetch().linksRefreshed()).isEqualTo(2);

            TFetchResultsResp misaligned = thrift.FetchResults(new TFetchResultsReq(resp.getOperationHandle(),
                    TFetchOrientation.FETCH_NEXT, 100_000).setStartRowOffset(1_500));
            assertThat(misaligned.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);

            assertThat(w.cloudFetch().filesHeld()).isEqualTo(3);
            thrift.CloseOperation(new TCloseOperationReq(resp.getOperationHandle()));
            assertThat(w.cloudFetch().filesHeld()).isZero();
            assertThat(get(fresh.getFileLink()).statusCode()).as("released").isEqualTo(404);
            transport.close();
        }
    }

    @Test
    void maxRowsDoesNotBoundTheLinksOfAResponse() throws Exception {
        // a real warehouse cuts files by size and hands out several per response whatever maxRows asks for (see
        // ResultLinks); here 10 rows asked, 4 files of 1,000 rows given, up to linksPerFetch
        try (LocalWarehouse w = LocalWarehouse.builder().sampleRows(0).cloudFetchThresholdRows(0)
                .cloudFetchRowsPerFile(1_000).cloudFetchLinksPerFetch(4).build().start()) {
            THttpClient transport = new THttpClient(w.baseUrl() + w.httpPath());
            transport.setCustomHeader("Authorization", "Bearer " + w.token());
            TCLIService.Client thrift = new TCLIService.Client(new TBinaryProtocol(transport));
            TSessionHandle session = thrift.OpenSession(new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8)).getSessionHandle();
            TExecuteStatementResp resp = thrift.ExecuteStatement(new TExecuteStatementReq(session,
                    "SELECT id AS n FROM range(5500)").setRunAsync(false).setCanReadArrowResult(true)
                    .setCanDecompressLZ4Result(true).setCanDownloadResult(true)
                    .setGetDirectResults(new TSparkGetDirectResults().setMaxRows(10)));
            TFetchResultsResp first = resp.getDirectResults().getResultSet();
            assertThat(first.getResults().getResultLinks()).extracting(TSparkArrowResultLink::getRowCount)
                    .containsExactly(1_000L, 1_000L, 1_000L, 1_000L);
            assertThat(first.isHasMoreRows()).isTrue();
            TFetchResultsResp next = thrift.FetchResults(new TFetchResultsReq(resp.getOperationHandle(),
                    TFetchOrientation.FETCH_NEXT, 1));
            assertThat(next.getResults().getResultLinks()).extracting(TSparkArrowResultLink::getStartRowOffset)
                    .containsExactly(4_000L, 5_000L);
            assertThat(next.getResults().getResultLinks()).extracting(TSparkArrowResultLink::getRowCount)
                    .containsExactly(1_000L, 500L);
            assertThat(next.isHasMoreRows()).isFalse();
            thrift.CloseOperation(new TCloseOperationReq(resp.getOperationHandle()));
            transport.close();
        }
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
