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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * databricks-jdbc 3.4.5 with cloud fetch on (its default, {@code EnableQueryResultDownload=1}) gets results above the
 * threshold as {@code URL_BASED_SET} links and downloads the files from LocalWarehouse in parallel: rows exactly as
 * inline, links paged over several responses, expired links refreshed through {@code FetchResults} with
 * {@code startRowOffset}, failed downloads retried, files released when the operation closes. Checked on what
 * LocalWarehouse recorded (audit parameters, CloudFetch counters).
 */
class CloudFetchTest {

    private static final int ROWS = 25_000;
    /** 2,000 rows a file: 13 files; 4 links a response: 4 + 4 + 4 + 1. */
    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder()
            .sampleRows(ROWS).cloudFetchThresholdRows(1_000).cloudFetchRowsPerFile(2_000).cloudFetchLinksPerFetch(4));

    private static final int FILES = 13;
    private static final String URL_LZ4 = "URL_BASED_SET+LZ4";
    private static final String ARROW_LZ4 = "ARROW_BASED_SET+LZ4";
    private static final String NUMBERED = "SELECT row_number() OVER (ORDER BY tpep_pickup_datetime, fare_amount,"
            + " pickup_zip, dropoff_zip, trip_distance) AS n, tpep_pickup_datetime, fare_amount, pickup_zip"
            + " FROM samples.nyctaxi.trips ORDER BY n";

    @Test
    void largeResultsArriveAsLinksPagedOverSeveralResponses() throws Exception {
        CloudFetchFiles files = WAREHOUSE.warehouse().cloudFetch();
        int fetchesBefore = WAREHOUSE.audit().events("fetchResults").size();
        long downloadsBefore = files.downloads();
        long issuedBefore = files.linksIssued();
        List<String> viaLinks = readNumbered("");

        assertThat(viaLinks).hasSize(ROWS);
        assertThat(lastSubmit().requestParams()).containsEntry("resultFormat", URL_LZ4)
                .containsEntry("resultLinks", "4");
        List<AuditEvent> fetches = since("fetchResults", fetchesBefore);
        assertThat(fetches).extracting(e -> e.requestParams().get("resultFormat")).containsOnly(URL_LZ4);
        assertThat(fetches).extracting(e -> e.requestParams().get("resultLinks")).containsExactly("4", "4", "1");
        assertThat(files.linksIssued() - issuedBefore).isEqualTo(FILES);
        assertThat(files.downloads() - downloadsBefore).isEqualTo(FILES);

        // the same rows, in the same order, as the inline Arrow path gives a client that doesn't download
        assertThat(viaLinks).isEqualTo(readNumbered(";EnableQueryResultDownload=0"));
        assertThat(lastSubmit().requestParams()).containsEntry("resultFormat", ARROW_LZ4);
    }

    @Test
    void everyTypeDecodesAsFromInlineArrow() throws Exception {
        // every result goes by links here, however small, and over HTTPS: the driver downloads the files with the
        // connection's trust settings
        try (LocalWarehouse w = LocalWarehouse.builder().sampleRows(0).tls(true).cloudFetchThresholdRows(0).build()
                .start()) {
            List<List<Object>> viaLinks;
            List<String> linkTypes;
            try (Connection c = Jdbc.connect(w, "")) {
                viaLinks = Jdbc.query(c, ArrowResultsTest.EVERY_TYPE);
                linkTypes = ArrowResultsTest.typesOf(c, ArrowResultsTest.EVERY_TYPE);
            }
            assertThat(w.audit().events("commandSubmit")).last()
                    .satisfies(e -> assertThat(e.requestParams()).containsEntry("resultFormat", URL_LZ4));
            assertThat(w.cloudFetch().downloads()).isEqualTo(2);
            List<List<Object>> inline;
            List<String> inlineTypes;
            try (Connection c = Jdbc.connect(w, ";EnableQueryResultDownload=0")) {
                inline = Jdbc.query(c, ArrowResultsTest.EVERY_TYPE);
                inlineTypes = ArrowResultsTest.typesOf(c, ArrowResultsTest.EVERY_TYPE);
            }
            assertThat(w.audit().events("commandSubmit")).last()
                    .satisfies(e -> assertThat(e.requestParams()).containsEntry("resultFormat", ARROW_LZ4));
            assertThat(linkTypes).isEqualTo(inlineTypes);
            assertThat(viaLinks).hasSize(3);
            for (int r = 0; r < 3; r++) {
                for (int col = 0; col < inline.get(r).size(); col++) {
                    assertThat(ArrowResultsTest.render(viaLinks.get(r).get(col))).as("row %d column %d", r, col + 1)
                            .isEqualTo(ArrowResultsTest.render(inline.get(r).get(col)));
                }
            }
            assertThat(viaLinks.get(0).get(9)).isEqualTo("héllo ✓");
            assertThat(viaLinks.get(2)).containsOnlyNulls();
        }
    }

    @Test
    void aClientThatCannotDownloadGetsInlineArrow() throws Exception {
        CloudFetchFiles files = WAREHOUSE.warehouse().cloudFetch();
        int fetchesBefore = WAREHOUSE.audit().events("fetchResults").size();
        long issuedBefore = files.linksIssued();
        assertThat(readNumbered(";EnableQueryResultDownload=0")).hasSize(ROWS);
        assertThat(lastSubmit().requestParams()).containsEntry("resultFormat", ARROW_LZ4)
                .doesNotContainKey("resultLinks");
        assertThat(since("fetchResults", fetchesBefore))
                .allSatisfy(e -> assertThat(e.requestParams()).containsEntry("resultFormat", ARROW_LZ4));
        assertThat(files.linksIssued()).isEqualTo(issuedBefore);
    }

    @Test
    void resultsUpToTheThresholdStayInline() throws Exception {
        long issuedBefore = WAREHOUSE.warehouse().cloudFetch().linksIssued();
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, NUMBERED + " LIMIT 1000")).hasSize(1_000);
        }
        assertThat(lastSubmit().requestParams()).containsEntry("resultFormat", ARROW_LZ4);
        assertThat(WAREHOUSE.warehouse().cloudFetch().linksIssued()).isEqualTo(issuedBefore);
    }

    @Test
    void expiredLinksAreRefreshedWithFetchResultsFromTheirRowOffset() throws Exception {
        CloudFetchFiles files = WAREHOUSE.warehouse().cloudFetch();
        List<String> expected = readNumbered(";EnableQueryResultDownload=0");
        int fetchesBefore = WAREHOUSE.audit().events("fetchResults").size();
        long downloadsBefore = files.downloads();
        long refreshedBefore = files.linksRefreshed();
        long expiredBefore = files.expiredDownloads();
        // the first two links the query gets are issued already expired
        WAREHOUSE.warehouse().faults().inject(Fault.expiredLink(), 2);

        assertThat(readNumbered("")).isEqualTo(expected);

        assertThat(WAREHOUSE.warehouse().faults().pending()).isZero();
        // the driver checks expiryTime before downloading: it never tried the expired links, it asked for new ones
        assertThat(files.expiredDownloads()).isEqualTo(expiredBefore);
        List<AuditEvent> refreshes = since("fetchResults", fetchesBefore).stream()
                .filter(e -> e.requestParams().containsKey("startRowOffset")).toList();
        assertThat(refreshes).isNotEmpty();
        assertThat(refreshes.get(0).requestParams()).containsEntry("startRowOffset", "0")
                .containsEntry("resultFormat", URL_LZ4);
        assertThat(files.linksRefreshed() - refreshedBefore).isGreaterThanOrEqualTo(2);
        assertThat(files.downloads() - downloadsBefore).isEqualTo(FILES);
    }

    @Test
    void failedDownloadsAreRetried() throws Exception {
        CloudFetchFiles files = WAREHOUSE.warehouse().cloudFetch();
        List<String> expected = readNumbered(";EnableQueryResultDownload=0");
        long downloadsBefore = files.downloads();
        long errorsBefore = WAREHOUSE.warehouse().faults().triggered(FaultType.INTERNAL_ERROR);
        long dropsBefore = WAREHOUSE.warehouse().faults().triggered(FaultType.DROP_CONNECTION);
        WAREHOUSE.warehouse().faults().inject(Fault.internalError().onlyFor(CloudFetchFiles.DOWNLOAD_ACTION), 1)
                .inject(Fault.dropConnection().onlyFor(CloudFetchFiles.DOWNLOAD_ACTION), 1);

        assertThat(readNumbered("")).isEqualTo(expected);

        assertThat(WAREHOUSE.warehouse().faults().pending()).isZero();
        assertThat(WAREHOUSE.warehouse().faults().triggered(FaultType.INTERNAL_ERROR) - errorsBefore).isEqualTo(1);
        assertThat(WAREHOUSE.warehouse().faults().triggered(FaultType.DROP_CONNECTION) - dropsBefore).isEqualTo(1);
        // every file served once: the two failed attempts were repeated, and no file was read twice
        assertThat(files.downloads() - downloadsBefore).isEqualTo(FILES);
    }

    @Test
    void closingTheStatementReleasesTheFiles() throws Exception {
        CloudFetchFiles files = WAREHOUSE.warehouse().cloudFetch();
        assertThat(files.filesHeld()).as("files of earlier, closed statements").isZero();
        int closesBefore = WAREHOUSE.audit().events("closeOperation").size();
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(NUMBERED)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(files.filesHeld()).isEqualTo(FILES);
            }
            assertThat(WAREHOUSE.audit().events("closeOperation").size() - closesBefore).isEqualTo(1);
            assertThat(files.filesHeld()).isZero();
        }
    }

    /** Every row of {@link #NUMBERED} as "n|pickup|fare|zip", checking n runs 1, 2, 3, ... */
    private static List<String> readNumbered(String properties) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), properties);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(NUMBERED)) {
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(rows.size() + 1L);
                rows.add(rs.getLong(1) + "|" + rs.getTimestamp(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getObject(4));
            }
        }
        return rows;
    }

    private static AuditEvent lastSubmit() {
        List<AuditEvent> events = WAREHOUSE.audit().events("commandSubmit");
        return events.get(events.size() - 1);
    }

    private static List<AuditEvent> since(String action, int before) {
        List<AuditEvent> events = WAREHOUSE.audit().events(action);
        return new ArrayList<>(events.subList(before, events.size()));
    }
}
