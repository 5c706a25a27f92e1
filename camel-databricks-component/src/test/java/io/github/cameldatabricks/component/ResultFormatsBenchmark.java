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

/**
 * Read throughput of databricks-jdbc 3.4.5 over the two Thrift result formats, side by side in one run: 2,000,000
 * rows of {@code samples.nyctaxi.trips} (6 columns) streamed with {@code COLUMN_BASED_SET} results
 * ({@code arrowResults(false)}) and with LZ4-compressed {@code ARROW_BASED_SET} results (what a real warehouse
 * sends), with no added latency and with 50 ms per request, each the best of 3 runs. A benchmark, not a test: run with
 * {@code ./mvnw -pl camel-databricks-component test -Dbenchmarks=true -Dtest=ResultFormatsBenchmark}; it rewrites
 * the result-formats section of docs/performance.md.
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class ResultFormatsBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFormatsBenchmark.class);
    private static final int ROWS = 2_000_000;
    private static final String QUERY = "SELECT * FROM samples.nyctaxi.trips";
    private static final int RUNS = 3;

    private record Row(String format, int latencyMs, long rows, double seconds) {
        double rate() {
            return rows / seconds;
        }
    }

    private final List<Row> results = new ArrayList<>();

    @Test
    void readThroughput() throws Exception {
        for (boolean arrow : new boolean[] { false, true }) {
            try (LocalWarehouse warehouse = LocalWarehouse.builder().sampleRows(ROWS).arrowResults(arrow).build()
                    .start()) {
                String format = arrow ? "ARROW_BASED_SET (LZ4)" : "COLUMN_BASED_SET";
                read(warehouse, QUERY + " LIMIT 200000"); // warm-up: JIT, DuckDB caches
                for (int latency : new int[] { 0, 50 }) {
                    warehouse.faults().setRequestLatency(Duration.ofMillis(latency));
                    // best of a few runs: the machine is shared, the fastest run is the least disturbed one
                    double best = Double.MAX_VALUE;
                    long rows = 0;
                    for (int run = 0; run < RUNS; run++) {
                        long start = System.nanoTime();
                        rows = read(warehouse, QUERY);
                        best = Math.min(best, (System.nanoTime() - start) / 1e9);
                    }
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
    private static long read(LocalWarehouse warehouse, String sql) throws Exception {
        long rows = 0;
        try (Connection c = DriverManager.getConnection(warehouse.jdbcUrl()); Statement s = c.createStatement();
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

    private void writeReport() throws IOException {
        StringBuilder md = new StringBuilder(PerformanceReport.measuredBy("ResultFormatsBenchmark"));
        md.append("`SELECT * FROM samples.nyctaxi.trips`, ")
                .append(String.format(Locale.ROOT, "%,d", ROWS)).append(" rows of 6 columns (2 TIMESTAMP,"
                        + " 2 DOUBLE, 2 INT), every value read with `getObject`; pages of 20,000 rows; best of "
                        + RUNS + " runs; client and warehouse share the JVM and its cores. Ratio: rows/s"
                        + " over COLUMN_BASED_SET at the same latency.\n\n");
        md.append("latency per request | result format | rows | seconds | rows/s | ratio |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Row row : results) {
            double baseline = results.stream().filter(r -> r.latencyMs() == row.latencyMs()
                    && r.format().startsWith("COLUMN")).findFirst().orElseThrow().rate();
            md.append(String.format(Locale.ROOT, "| %d ms | %s | %,d | %.2f | %,.0f | %.2f× |%n", row.latencyMs(),
                    row.format(), row.rows(), row.seconds(), row.rate(), row.rate() / baseline));
        }
        Path written = PerformanceReport.replaceSection("result-formats", md.toString());
        LOG.info("result formats: results written to {}", written);
    }
}
