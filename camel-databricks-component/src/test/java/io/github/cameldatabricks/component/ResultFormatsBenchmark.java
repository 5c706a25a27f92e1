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

/**
 * Read throughput of databricks-jdbc 3.4.5 over the three Thrift result formats, side by side in one run: 2,000,000
 * rows of {@code samples.nyctaxi.trips} (6 columns) streamed with {@code COLUMN_BASED_SET} results
 * ({@code arrowResults(false)}), with inline LZ4-compressed {@code ARROW_BASED_SET} results (the driver with
 * {@code EnableQueryResultDownload=0}) and with CloudFetch {@code URL_BASED_SET} links to LZ4-framed Arrow files that
 * the driver downloads in parallel (its default; what a real warehouse sends for large results), with no added
 * latency and with 50 ms per request (Thrift calls and file downloads alike), each the best of 3 runs. A benchmark,
 * not a test: run with {@code ./mvnw -pl camel-databricks-testkit,camel-databricks-component test -Dbenchmarks=true
 * -Dtest=ResultFormatsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; it rewrites the result-formats section of
 * docs/performance.md.
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class ResultFormatsBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFormatsBenchmark.class);
    private static final int ROWS = 2_000_000;
    private static final String QUERY = "SELECT * FROM samples.nyctaxi.trips";
    private static final int RUNS = 3;

    /** One way of reading the result: the warehouse's Arrow setting and the driver's connection properties. */
    private record Contender(String format, boolean arrow, String properties, String expectedAuditFormat) {
    }

    private static final List<Contender> CONTENDERS = List.of(
            new Contender("COLUMN_BASED_SET", false, "", "COLUMN_BASED_SET"),
            new Contender("ARROW_BASED_SET (LZ4, inline)", true, ";EnableQueryResultDownload=0",
                    "ARROW_BASED_SET+LZ4"),
            new Contender("URL_BASED_SET (CloudFetch, LZ4)", true, "", "URL_BASED_SET+LZ4"),
            // the driver asks for at most RowsFetchedPerBlock (default 100,000) rows per FetchResults, which
            // LocalWarehouse also applies to links (2 files a response): raising it cuts the link round trips
            new Contender("URL_BASED_SET (CloudFetch, LZ4), RowsFetchedPerBlock=2000000", true,
                    ";RowsFetchedPerBlock=2000000", "URL_BASED_SET+LZ4"));

    private record Row(String format, int latencyMs, long rows, double seconds) {
        double rate() {
            return rows / seconds;
        }
    }

    private final List<Row> results = new ArrayList<>();

    @Test
    void readThroughput() throws Exception {
        for (Contender contender : CONTENDERS) {
            try (LocalWarehouse warehouse = LocalWarehouse.builder().sampleRows(ROWS).arrowResults(contender.arrow())
                    .build().start()) {
                String format = contender.format();
                String url = warehouse.jdbcUrl() + contender.properties();
                read(url, QUERY + " LIMIT 200000"); // warm-up: JIT, DuckDB caches
                checkFormat(warehouse, contender);
                for (int latency : new int[] { 0, 50 }) {
                    warehouse.faults().setRequestLatency(Duration.ofMillis(latency));
                    // best of a few runs: the machine is shared, the fastest run is the least disturbed one
                    double best = Double.MAX_VALUE;
                    long rows = 0;
                    for (int run = 0; run < RUNS; run++) {
                        long start = System.nanoTime();
                        rows = read(url, QUERY);
                        best = Math.min(best, (System.nanoTime() - start) / 1e9);
                    }
                    checkFormat(warehouse, contender);
                    Row row = new Row(format, latency, rows, best);
                    results.add(row);
                    LOG.info("result formats: {} at {} ms: {} rows in {} s, {} rows/s", format, latency, rows,
                            String.format(Locale.ROOT, "%.2f", row.seconds()),
                            String.format(Locale.ROOT, "%.0f", row.rate()));
                }
            }
        }
        writeReport();
    }

    /** Reads every column of every row, as an application streaming the result would. */
    private static long read(String jdbcUrl, String sql) throws Exception {
        long rows = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
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
                        + " rows; CloudFetch results in files of 50,000 rows, at most 32 links and the driver's"
                        + " `RowsFetchedPerBlock` rows per response, downloaded by the driver's pool of 16 threads"
                        + " once it has collected every link; the latency is added to every request,"
                        + " Thrift calls and file downloads alike; best of " + RUNS + " runs; client and warehouse"
                        + " share the JVM and its cores. Ratio: rows/s over COLUMN_BASED_SET at the same latency.\n\n");
        md.append("| latency per request | result format | rows | seconds | rows/s | ratio |\n");
        md.append("|---|---|---|---|---|---|\n");
        List<Row> byLatency = results.stream().sorted(java.util.Comparator.comparingInt(Row::latencyMs)).toList();
        for (Row row : byLatency) {
            double baseline = results.stream().filter(r -> r.latencyMs() == row.latencyMs()
                    && r.format().startsWith("COLUMN")).findFirst().orElseThrow().rate();
            md.append(String.format(Locale.ROOT, "| %d ms | %s | %,d | %.2f | %,.0f | %.2f× |%n", row.latencyMs(),
                    row.format(), row.rows(), row.seconds(), row.rate(), row.rate() / baseline));
        }
        Path written = PerformanceReport.replaceSection("result-formats", md.toString());
        LOG.info("result formats: results written to {}", written);
    }
}
