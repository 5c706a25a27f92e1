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
package io.github.cameldatabricks.component;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Faults;

/**
 * Read throughput of databricks-jdbc 3.4.5 over the three Thrift result formats, side by side in one run: 2,000,000
 * rows of {@code samples.nyctaxi.trips} (6 columns) streamed with {@code COLUMN_BASED_SET} results
 * ({@code arrowResults(false)}), with inline LZ4-compressed {@code ARROW_BASED_SET} results (the driver with
 * {@code EnableQueryResultDownload=0}) and with CloudFetch {@code URL_BASED_SET} links to LZ4-framed Arrow files that
 * the driver downloads in parallel (its default; what a real warehouse sends for large results), under network models
 * of LocalWarehouse: none (loopback), a request latency only, and latency plus bandwidth limits (see
 * {@link #NETWORKS}). Each figure is the best of a few runs; the bytes the warehouse wrote in response bodies are
 * recorded per run. A benchmark, not a test: run with {@code ./mvnw -pl
 * camel-databricks-testkit,camel-databricks-component test -Dbenchmarks=true -Dtest=ResultFormatsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; it rewrites the result-formats section of docs/performance.md.
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class ResultFormatsBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFormatsBenchmark.class);
    private static final int ROWS = 2_000_000;
    private static final String QUERY = "SELECT * FROM samples.nyctaxi.trips";
    private static final int RUNS = 3;
    /** Under a bandwidth limit the modelled transfer dominates and varies less; fewer runs keep the total short. */
    private static final int RUNS_LIMITED = 2;
    /** 100 Mbit/s and 1 Gbit/s in bytes per second. */
    private static final long MBIT_100 = 12_500_000;
    private static final long GBIT_1 = 125_000_000;

    /** One way of reading the result: the warehouse's Arrow setting and the driver's connection properties. */
    private record Contender(String format, boolean arrow, String properties, String expectedAuditFormat) {
    }

    private static final List<Contender> CONTENDERS = List.of(
            new Contender("COLUMN_BASED_SET", false, "", "COLUMN_BASED_SET"),
            new Contender("ARROW_BASED_SET (LZ4, inline)", true, ";EnableQueryResultDownload=0",
                    "ARROW_BASED_SET+LZ4"),
            new Contender("URL_BASED_SET (CloudFetch, LZ4)", true, "", "URL_BASED_SET+LZ4"));

    /**
     * A network between the driver and the warehouse: the latency added to every request (Thrift calls and file
     * downloads), the bandwidth of each connection's response bodies and of all of them together (0: unlimited).
     */
    private record Network(String name, int latencyMs, long perConnection, long total) {
        int runs() {
            return perConnection > 0 || total > 0 ? RUNS_LIMITED : RUNS;
        }

        void applyTo(Faults faults) {
            faults.setRequestLatency(Duration.ofMillis(latencyMs)).setBandwidth(perConnection)
                    .setTotalBandwidth(total);
        }
    }

    /** The network models, from none to a constrained link; the prose in docs/performance.md says why these. */
    private static final List<Network> NETWORKS = List.of(
            new Network("none (loopback)", 0, 0, 0),
            new Network("50 ms", 50, 0, 0),
            new Network("WAN: 50 ms, 100 Mbit/s per connection, 1 Gbit/s total", 50, MBIT_100, GBIT_1),
            new Network("slow link: 50 ms, 100 Mbit/s total", 50, 0, MBIT_100));

    private record Row(String format, String network, long rows, double seconds, long bytes) {
        double rate() {
            return rows / seconds;
        }
    }

    private final List<Row> results = new ArrayList<>();

    @Test
    void readThroughput() throws Exception {
        long begin = System.nanoTime();
        for (Contender contender : CONTENDERS) {
            try (LocalWarehouse warehouse = LocalWarehouse.builder().sampleRows(ROWS).arrowResults(contender.arrow())
                    .build().start()) {
                String url = warehouse.jdbcUrl() + contender.properties();
                read(url, QUERY + " LIMIT 200000"); // warm-up: JIT, DuckDB caches
                checkFormat(warehouse, contender);
                for (Network network : NETWORKS) {
                    network.applyTo(warehouse.faults());
                    // best of a few runs: the machine is shared, the fastest run is the least disturbed one
                    double best = Double.MAX_VALUE;
                    long rows = 0;
                    long bytes = 0;
                    for (int run = 0; run < network.runs(); run++) {
                        long sentBefore = warehouse.faults().bandwidth().bytesSent();
                        long start = System.nanoTime();
                        rows = read(url, QUERY);
                        best = Math.min(best, (System.nanoTime() - start) / 1e9);
                        bytes = warehouse.faults().bandwidth().bytesSent() - sentBefore;
                    }
                    checkFormat(warehouse, contender);
                    Row row = new Row(contender.format(), network.name(), rows, best, bytes);
                    results.add(row);
                    LOG.info("result formats: {} over {}: {} rows in {} s, {} rows/s, {} MB sent", row.format(),
                            network.name(), rows, String.format(Locale.ROOT, "%.2f", row.seconds()),
                            String.format(Locale.ROOT, "%.0f", row.rate()),
                            String.format(Locale.ROOT, "%.1f", bytes / 1e6));
                }
                warehouse.faults().clear();
            }
        }
        LOG.info("result formats: benchmark took {} s", String.format(Locale.ROOT, "%.0f",
                (System.nanoTime() - begin) / 1e9));
        writeReport();
    }

    /** Reads every column of every row, as an application streaming the result would. */
    private static long read(String jdbcUrl, String sql) throws Exception {
        long rows = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        if (!sql.contains("LIMIT") && rows != ROWS) {
            throw new IllegalStateException("expected " + ROWS + " rows but read " + rows);
        }
        return rows;
    }

    /** The contender measured what it claims: the warehouse sent the last result in the expected format. */
    private static void checkFormat(LocalWarehouse warehouse, Contender contender) {
        List<AuditEvent> submits = warehouse.audit().events("commandSubmit");
        String sent = submits.get(submits.size() - 1).requestParams().get("resultFormat");
        if (!contender.expectedAuditFormat().equals(sent)) {
            throw new IllegalStateException(contender.format() + ": the warehouse sent " + sent);
        }
    }

    private void writeReport() throws IOException {
        StringBuilder md = new StringBuilder(PerformanceReport.measuredBy("ResultFormatsBenchmark"));
        md.append("`SELECT * FROM samples.nyctaxi.trips`, ")
                .append(String.format(Locale.ROOT, "%,d", ROWS)).append(" rows of 6 columns (2 TIMESTAMP,"
                        + " 2 DOUBLE, 2 INT), every value read with `getObject`; inline results in pages of 20,000"
                        + " rows; CloudFetch results in files of 50,000 rows, up to 32 links a response, downloaded"
                        + " by the driver's pool of 16 threads once it has collected every link; the latency is added"
                        + " to every request and the bandwidth applies to every response body, Thrift calls and file"
                        + " downloads alike; MB sent: response body bytes LocalWarehouse wrote for one read; best of "
                        + RUNS + " runs (" + RUNS_LIMITED
                        + " under a bandwidth limit); client and warehouse share the JVM and its cores. Ratio: rows/s over"
                        + " COLUMN_BASED_SET over the same network.\n\n");
        md.append("| network | result format | rows | MB sent | seconds | rows/s | ratio |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Network network : NETWORKS) {
            List<Row> rows = results.stream().filter(r -> r.network().equals(network.name())).toList();
            double baseline = rows.stream().filter(r -> r.format().startsWith("COLUMN")).findFirst().orElseThrow()
                    .rate();
            for (Row row : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %.2f | %,.0f | %.2f× |%n",
                        row.network(), row.format(), row.rows(), row.bytes() / 1e6, row.seconds(), row.rate(),
                        row.rate() / baseline));
            }
        }
        Path written = PerformanceReport.replaceSection("result-formats", md.toString());
        LOG.info("result formats: results written to {}", written);
    }
}
