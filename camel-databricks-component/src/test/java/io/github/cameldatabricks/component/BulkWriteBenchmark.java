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
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Write throughput, side by side in one run on one LocalWarehouse, with no added latency and with 50 ms added to every
 * request (a remote warehouse): plain JDBC {@code executeBatch}, one exchange per row, {@code batch=true} (multi-row
 * INSERT) and {@code databricks:load:} (volume + COPY INTO), for 10,000 and 1,000,000 rows of 4 columns. Contenders
 * whose rate does not depend on the total are timed on the first rows only (the table says how many). A benchmark, not
 * a test: run with {@code ./mvnw -pl camel-databricks-component test -Dbenchmarks=true -Dtest=BulkWriteBenchmark}; it
 * rewrites the bulk-writes section of docs/performance.md.
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class BulkWriteBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriteBenchmark.class);
    private static final String VOLUME = "/Volumes/main/default/landing";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(1));

    private record Row(String total, int latencyMs, String contender, long rows, double seconds) {
        double rate() {
            return rows / seconds;
        }
    }

    private final List<Row> results = new ArrayList<>();
    private int tables;

    @Test
    void writeThroughput() throws Exception {
        LocalWarehouse warehouse = WAREHOUSE.warehouse();
        try (Connection c = DriverManager.getConnection(warehouse.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE VOLUME main.default.landing");
        }
        CamelContext context = TestContexts.startedWith(Environment.empty(), component -> {
            component.getConfiguration().setHost(warehouse.baseUrl());
            component.getConfiguration().setHttpPath(warehouse.httpPath());
            component.getConfiguration().setToken(warehouse.token());
        });
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (int latency : new int[]{ 0, 50 }) {
                warehouse.faults().setRequestLatency(Duration.ofMillis(latency));
                int perRowSample = latency == 0 ? 2_000 : 300;
                executeBatch(warehouse, "any", latency, perRowSample);
                exchangePerRow(template, "any", latency, perRowSample);
                batch(template, "10,000", latency, 10_000);
                load(template, "10,000", latency, 10_000);
                batch(template, "1,000,000", latency, latency == 0 ? 200_000 : 20_000);
                load(template, "1,000,000", latency, 1_000_000);
            }
            warehouse.faults().setRequestLatency(Duration.ZERO);
        } finally {
            context.stop();
        }
        writeReport();
    }

    private void executeBatch(LocalWarehouse warehouse, String total, int latency, int rows) throws Exception {
        String table = newTable(warehouse);
        try (Connection c = DriverManager.getConnection(warehouse.jdbcUrl());
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
            long start = System.nanoTime();
            Iterator<Map<String, Object>> it = rows(rows);
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                insert.setLong(1, (Long) row.get("id"));
                insert.setString(2, (String) row.get("name"));
                insert.setDouble(3, (Double) row.get("amount"));
                insert.setDate(4, java.sql.Date.valueOf((LocalDate) row.get("day")));
                insert.addBatch();
            }
            insert.executeBatch();
            record(total, latency, "plain JDBC executeBatch", rows, start);
        }
    }

    private void exchangePerRow(ProducerTemplate template, String total, int latency, int rows) throws Exception {
        String table = newTable(WAREHOUSE.warehouse());
        String uri = "databricks:INSERT INTO " + table + " VALUES (:#id, :#name, :#amount, :#day)";
        long start = System.nanoTime();
        Iterator<Map<String, Object>> it = rows(rows);
        while (it.hasNext()) {
            template.sendBody(uri, it.next());
        }
        record(total, latency, "databricks: one exchange per row", rows, start);
    }

    private void batch(ProducerTemplate template, String total, int latency, int rows) throws Exception {
        String table = newTable(WAREHOUSE.warehouse());
        long start = System.nanoTime();
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id, :#name, :#amount, :#day)"
                + "?batch=true", e -> e.getMessage().setBody(rows(rows)));
        check(out, rows, DatabricksConstants.UPDATE_COUNT);
        record(total, latency, "databricks: batch=true (multi-row INSERT)", rows, start);
    }

    private void load(ProducerTemplate template, String total, int latency, int rows) throws Exception {
        String table = newTable(WAREHOUSE.warehouse());
        long start = System.nanoTime();
        Exchange out = template.request("databricks:load:" + table + "?stagingVolume=" + VOLUME,
                e -> e.getMessage().setBody(rows(rows)));
        check(out, rows, DatabricksConstants.LOADED_ROWS);
        record(total, latency, "databricks:load: (volume + COPY INTO)", rows, start);
    }

    private static void check(Exchange out, long rows, String header) {
        if (out.getException() != null) {
            throw new IllegalStateException(out.getException());
        }
        long written = out.getMessage().getHeader(header, Long.class);
        if (written != rows) {
            throw new IllegalStateException(header + " is " + written + ", expected " + rows);
        }
    }

    private String newTable(LocalWarehouse warehouse) throws Exception {
        String table = "main.default.bench_" + (++tables);
        try (Connection c = DriverManager.getConnection(warehouse.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id BIGINT, name STRING, amount DOUBLE, day DATE)");
        }
        return table;
    }

    private static Iterator<Map<String, Object>> rows(long count) {
        return TestRows.generated(count);
    }

    private void record(String total, int latency, String contender, long rows, long startNanos) {
        Row row = new Row(total, latency, contender, rows, (System.nanoTime() - startNanos) / 1e9);
        results.add(row);
        LOG.info("bulk writes: {} ms latency, {} rows (timed {}), {}: {} rows/s", latency, total, rows, contender,
                String.format(Locale.ROOT, "%.0f", row.rate()));
    }

    private void writeReport() throws IOException {
        StringBuilder md = new StringBuilder(PerformanceReport.measuredBy("BulkWriteBenchmark"));
        md.append("Rows of 4 columns (BIGINT, STRING, DOUBLE,"
                + " DATE). Ratio: rows/s over plain JDBC executeBatch at the same latency.\n\n");
        md.append("latency per request | rows | contender | rows timed | rows/s | ratio |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Row row : results) {
            double baseline = results.stream().filter(r -> r.latencyMs() == row.latencyMs()
                    && r.contender().startsWith("plain JDBC")).findFirst().orElseThrow().rate();
            md.append(String.format(Locale.ROOT, "| %d ms | %s | %s | %,d | %,.0f | %,.1f× |%n", row.latencyMs(),
                    row.total(), row.contender(), row.rows(), row.rate(), row.rate() / baseline));
        }
        Path written = PerformanceReport.replaceSection("bulk-writes", md.toString());
        LOG.info("bulk writes: results written to {}", written);
    }
}
