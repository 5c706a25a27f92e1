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

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.cameldatabricks.component.error.BatchOutcome;
import io.github.cameldatabricks.component.error.DatabricksAmbiguousOutcomeException;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** batch=true: multi-row INSERT statements, chunking, the per-element path, and partial failures. */
class BatchWriteTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @ParameterizedTest(name = "{0} one-marker rows -> {1} statements")
    @CsvSource({ "1, 1", "255, 1", "256, 1", "257, 2", "512, 2", "513, 3" })
    void rowsAreSentInStatementsOfAtMost256Markers(int rows, int statements) throws Exception {
        String table = newTable("chunks");
        sql("CREATE TABLE " + table + " (id INT)");
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(ids(rows)));
        assertThat(out.getException()).isNull();
        assertThat(inserts(table)).hasSize(statements);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_STATEMENTS)).isEqualTo(statements);
        assertThat(out.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo((long) rows);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_COMMITTED)).isEqualTo((long) rows);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_SKIP)).isNull();
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo((long) rows);
        assertThat(scalar("SELECT count(DISTINCT id) FROM " + table)).isEqualTo((long) rows);
    }

    @Test
    void rowsPerStatementAreTheParameterCapDividedByMarkersPerRow() throws Exception {
        String table = newTable("wide");
        sql("CREATE TABLE " + table + " (id INT, a STRING, b STRING, c STRING)");
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            body.add(Map.of("id", i, "a", "a" + i, "b", "b" + i, "c", "c" + i));
        }
        // 4 markers per row: 64 rows per statement under the default cap of 256; 129 rows -> 64 + 64 + 1
        template.sendBody("databricks:INSERT INTO " + table + " (id, a, b, c) VALUES (:#id, :#a, :#b, :#c)"
                + "?batch=true", body);
        assertThat(inserts(table)).hasSize(3);
        // a lower cap and a byte cap each make more, smaller statements
        String other = newTable("capped");
        sql("CREATE TABLE " + other + " (id INT, a STRING, b STRING, c STRING)");
        template.sendBody("databricks:INSERT INTO " + other + " VALUES (:#id, :#a, :#b, :#c)"
                + "?batch=true&batchChunkParameters=40", body);
        assertThat(inserts(other)).hasSize(13);
        String bytes = newTable("bytes");
        sql("CREATE TABLE " + bytes + " (id INT, a STRING, b STRING, c STRING)");
        template.sendBody("databricks:INSERT INTO " + bytes + " VALUES (:#id, :#a, :#b, :#c)"
                + "?batch=true&batchChunkBytes=600", body);
        assertThat(inserts(bytes).size()).isGreaterThan(3);
        assertThat(scalar("SELECT count(*) FROM " + bytes)).isEqualTo(129L);
    }

    @Test
    void anEmptyBodySendsNothing() throws Exception {
        String table = newTable("empty");
        sql("CREATE TABLE " + table + " (id INT)");
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(List.of()));
        assertThat(out.getException()).isNull();
        assertThat(inserts(table)).isEmpty();
        assertThat(out.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo(0L);
    }

    @Test
    void everyBoundTypeRoundTripsThroughAMultiRowInsert() throws Exception {
        String table = newTable("types");
        sql("CREATE TABLE " + table + " (k INT, b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT,"
                + " d DOUBLE, m DECIMAL(12,3), str STRING, day DATE, ts TIMESTAMP)");
        Map<String, Object> full = new HashMap<>();
        full.put("k", 1);
        full.put("b", true);
        full.put("t", (byte) -7);
        full.put("s", (short) 1234);
        full.put("i", 123_456);
        full.put("l", 9_000_000_000L);
        full.put("f", 1.5f);
        full.put("d", 2.25d);
        full.put("m", new BigDecimal("123456789.125"));
        full.put("str", "it's \"quoted\" – ünïcode");
        full.put("day", LocalDate.of(2026, 2, 28));
        full.put("ts", Instant.parse("2026-11-24T23:59:58.123Z"));
        Map<String, Object> nulls = new HashMap<>();
        full.keySet().forEach(k -> nulls.put(k, null));
        nulls.put("k", 2);
        Map<String, Object> other = new HashMap<>(full);
        other.put("k", 3);
        other.put("ts", OffsetDateTime.of(2026, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)));
        other.put("day", LocalDateTime.of(2026, 1, 2, 0, 0).toLocalDate());
        template.sendBody("databricks:INSERT INTO " + table + " VALUES (:#k, :#b, :#t, :#s, :#i, :#l, :#f, :#d,"
                + " :#m, :#str, :#day, :#ts)?batch=true", List.of(full, nulls, other));
        assertThat(inserts(table)).hasSize(1);
        try (Connection c = DriverManager.getConnection(warehouse().jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY k")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("b")).isTrue();
            assertThat(rs.getByte("t")).isEqualTo((byte) -7);
            assertThat(rs.getShort("s")).isEqualTo((short) 1234);
            assertThat(rs.getInt("i")).isEqualTo(123_456);
            assertThat(rs.getLong("l")).isEqualTo(9_000_000_000L);
            assertThat(rs.getFloat("f")).isEqualTo(1.5f);
            assertThat(rs.getDouble("d")).isEqualTo(2.25d);
            assertThat(rs.getBigDecimal("m")).isEqualByComparingTo("123456789.125");
            assertThat(rs.getString("str")).isEqualTo("it's \"quoted\" – ünïcode");
            assertThat(rs.getDate("day").toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(rs.getTimestamp("ts").toInstant()).isEqualTo(Instant.parse("2026-11-24T23:59:58.123Z"));
            assertThat(rs.next()).isTrue();
            for (String column : List.of("b", "t", "s", "i", "l", "f", "d", "m", "str", "day", "ts")) {
                assertThat(rs.getObject(column)).as(column).isNull();
            }
            assertThat(rs.next()).isTrue();
            assertThat(rs.getTimestamp("ts").toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(rs.getDate("day").toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 2));
        }
    }

    @Test
    void aChunkFailingInTheMiddleReportsTheCommittedCountAndTheFailedElements() throws Exception {
        String table = newTable("partial");
        sql("CREATE TABLE " + table + " (id INT)");
        List<Map<String, Object>> body = ids(1000);
        body.set(600, Map.of("id", "not a number"));
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(body));
        DatabricksException failure = out.getException(DatabricksException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getCategory()).isEqualTo(ErrorCategory.DATA);
        assertThat(failure.getBatchOutcome()).isEqualTo(new BatchOutcome(512, 512, 767, false));
        assertThat(failure.getMessage()).contains("elements 0-511 are committed", "elements 512-767 were not written");
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_COMMITTED)).isEqualTo(512L);
        assertThat(out.getProperty(DatabricksConstants.BATCH_COMMITTED)).isEqualTo(512L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_FAILED_FROM)).isEqualTo(512L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_FAILED_TO)).isEqualTo(767L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_AMBIGUOUS)).isEqualTo(false);
        assertThat(out.getMessage().getHeader(DatabricksConstants.ERROR_CATEGORY)).isEqualTo("data");
        assertThat(inserts(table)).hasSize(3);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(512L);

        // the same message, corrected and sent again with its headers, resumes after the committed elements
        body.set(600, Map.of("id", 600));
        Exchange replay = template.send("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true", e -> {
            e.getMessage().setHeaders(new HashMap<>(out.getMessage().getHeaders()));
            e.getMessage().setBody(body);
        });
        assertThat(replay.getException()).isNull();
        assertThat(replay.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo(488L);
        assertThat(replay.getMessage().getHeader(DatabricksConstants.BATCH_COMMITTED)).isEqualTo(1000L);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(1000L);
        assertThat(scalar("SELECT count(DISTINCT id) FROM " + table)).isEqualTo(1000L);
    }

    @Test
    void aCamelRedeliveryResumesAfterTheCommittedStatements() throws Exception {
        String table = newTable("redelivered");
        sql("CREATE TABLE " + table + " (id INT)");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redelivered").onException(DatabricksRetryableException.class).maximumRedeliveries(1)
                        .redeliveryDelay(0).end()
                        .to("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true&maxRetries=0");
            }
        });
        // the third statement is rate limited (no Retry-After: the driver does not wait, the producer may not retry)
        warehouse().faults().inject(Fault.latency(java.time.Duration.ZERO).onlyFor("ExecuteStatement"), 2);
        warehouse().faults().inject(new Fault(FaultType.RATE_LIMITED, null, null, "ExecuteStatement"), 1);
        Exchange out = template.request("direct:redelivered", e -> e.getMessage().setBody(ids(600)));
        assertThat(out.getException()).isNull();
        assertThat(warehouse().faults().pending()).isZero();
        // Camel restores the headers before a redelivery; the resume point survives as an exchange property, so the
        // redelivery sends only the third statement again (the rate-limited request itself never ran)
        assertThat(inserts(table)).hasSize(3);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(600L);
        assertThat(scalar("SELECT count(DISTINCT id) FROM " + table)).isEqualTo(600L);
    }

    @Test
    void aChunkWhoseOutcomeIsUnknownIsAmbiguousAndNotRetried() throws Exception {
        String table = newTable("ambiguous");
        sql("CREATE TABLE " + table + " (id INT)");
        warehouse().faults().inject(Fault.executeThenDrop(), 1);
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(ids(300)));
        DatabricksException failure = out.getException(DatabricksException.class);
        assertThat(failure).isInstanceOf(DatabricksAmbiguousOutcomeException.class);
        assertThat(failure.getAttempts()).isEqualTo(1);
        assertThat(failure.getBatchOutcome()).isEqualTo(new BatchOutcome(0, 0, 255, true));
        assertThat(failure.getMessage()).contains("elements 0-255 may or may not have been written");
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_AMBIGUOUS)).isEqualTo(true);
        // the first statement did run; the second was never sent
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(256L);
        assertThat(inserts(table)).hasSize(1);
    }

    @Test
    void aStatementThatCertainlyDidNotRunIsRetriedAndTheBatchCompletes() throws Exception {
        String table = newTable("retried");
        sql("CREATE TABLE " + table + " (id INT)");
        warehouse().faults().inject(Fault.rateLimited(1).onlyFor("ExecuteStatement"), 1);
        warehouse().faults().inject(Fault.serviceUnavailable(1).onlyFor("ExecuteStatement"), 1);
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true"
                + "&retryInitialDelay=10", e -> e.getMessage().setBody(ids(600)));
        assertThat(out.getException()).isNull();
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(600L);
        assertThat(scalar("SELECT count(DISTINCT id) FROM " + table)).isEqualTo(600L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_STATEMENTS)).isEqualTo(3);
    }

    @Test
    void anIteratorBodyIsReadOneChunkAtATime() throws Exception {
        String table = newTable("iterator");
        sql("CREATE TABLE " + table + " (id INT)");
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger pulledBeforeFirstStatement = new AtomicInteger(-1);
        Iterator<Map<String, Object>> body = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < 100_000;
            }

            @Override
            public Map<String, Object> next() {
                if (pulledBeforeFirstStatement.get() < 0 && !inserts(table).isEmpty()) {
                    pulledBeforeFirstStatement.set(pulled.get());
                }
                int i = pulled.getAndIncrement();
                // element 700 cannot be converted: the batch stops in its third statement
                return Map.of("id", i == 700 ? "x" : i);
            }
        };
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(body));
        assertThat(out.getException(DatabricksException.class).getBatchOutcome().committed()).isEqualTo(512L);
        // the first statement went out after its 256 elements plus the one that did not fit, not after 100,000
        assertThat(pulledBeforeFirstStatement.get()).isEqualTo(257);
        assertThat(pulled.get()).isEqualTo(769);
    }

    @Test
    void aLazyBodyThatFailsMidwayReportsWhatIsCommittedAndCannotBeRedelivered() throws Exception {
        String table = newTable("lazy");
        sql("CREATE TABLE " + table + " (id INT)");
        Iterator<Map<String, Object>> body = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                if (next == 300) {
                    throw new IllegalStateException("the source file is truncated");
                }
                return Map.of("id", next++);
            }
        };
        Exchange exchange = context.getEndpoint("direct:unused").createExchange();
        exchange.getMessage().setBody(body);
        template.send("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true", exchange);
        assertThat(exchange.getException()).hasMessageContaining("Reading element 300 of the batch failed: the"
                + " source file is truncated; elements 0-255 are committed; elements 256-299 were not sent");
        assertThat(exchange.getMessage().getHeader(DatabricksConstants.BATCH_COMMITTED)).isEqualTo(256L);
        // an Iterator cannot be read again: no resume point, and a redelivery is refused instead of writing nothing
        assertThat(exchange.getMessage().getHeader(DatabricksConstants.BATCH_SKIP)).isNull();
        exchange.setException(null);
        template.send("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true", exchange);
        assertThat(exchange.getException()).hasMessageContaining("an earlier attempt of this exchange already read");
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(256L);
    }

    @Test
    void otherStatementsRunOncePerElementWithTheirFailureIndexed() throws Exception {
        String table = newTable("updates");
        sql("CREATE TABLE " + table + " (id INT, name STRING)");
        sql("INSERT INTO " + table + " VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        List<Map<String, Object>> body = List.of(Map.of("id", 1, "name", "x"), Map.of("id", 2, "name", "y"),
                Map.of("id", 3, "name", "z"));
        Exchange out = template.request("databricks:UPDATE " + table + " SET name = :#name WHERE id = :#id"
                + "?batch=true", e -> e.getMessage().setBody(body));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo(3L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_STATEMENTS)).isEqualTo(3);
        assertThat(scalar("SELECT string_agg(name, ',') FROM (SELECT name FROM " + table + " ORDER BY id)"))
                .isEqualTo("x,y,z");

        List<Map<String, Object>> bad = List.of(Map.of("id", 1, "name", "p"), Map.of("id", "q", "name", "q"),
                Map.of("id", 3, "name", "r"));
        Exchange failed = template.request("databricks:UPDATE " + table + " SET name = :#name WHERE id = :#id"
                + "?batch=true", e -> e.getMessage().setBody(bad));
        assertThat(failed.getException(DatabricksException.class).getBatchOutcome())
                .isEqualTo(new BatchOutcome(1, 1, 1, false));
        assertThat(failed.getException().getMessage()).contains("element 0 is committed", "element 1 were not");
        // a resume point left by this endpoint is refused by another one
        Exchange other = template.send("databricks:INSERT INTO " + table + " VALUES (:#id, :#name)?batch=true", e -> {
            e.getMessage().setBody(bad);
            e.getMessage().setHeader(DatabricksConstants.BATCH_SKIP, 1L);
            e.setProperty("CamelDatabricksResumeEndpoint", "databricks://somewhere-else");
        });
        assertThat(other.getException()).hasMessageContaining("CamelDatabricksBatchSkip from another databricks");
    }

    @Test
    void aBadElementIsNamedWithWhatIsAlreadyCommitted() throws Exception {
        String table = newTable("badelement");
        sql("CREATE TABLE " + table + " (id INT)");
        List<Object> body = new ArrayList<>(ids(300));
        body.set(280, "not a map");
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(body));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 280 is java.lang.String")
                .hasMessageContaining("elements 0-255 are committed; elements 256-279 were not sent");
        assertThat(out.getMessage().getHeader(DatabricksConstants.BATCH_COMMITTED)).isEqualTo(256L);
        List<Object> missing = new ArrayList<>(ids(3));
        missing.set(1, Map.of("other", 1));
        Exchange out2 = template.request("databricks:INSERT INTO " + table + " VALUES (:#id)?batch=true",
                e -> e.getMessage().setBody(missing));
        assertThat(out2.getException()).hasMessageContaining("Element 1 of the batch: No value for parameter :#id");
    }

    private static List<Map<String, Object>> ids(int count) {
        return TestRows.ids(0, count);
    }

    /** The INSERT statements the warehouse received for the table. */
    private List<AuditEvent> inserts(String table) {
        return warehouse().audit().events(e -> "commandSubmit".equals(e.actionName())
                && String.valueOf(e.requestParams().get("commandText")).startsWith("INSERT INTO " + table));
    }
}
