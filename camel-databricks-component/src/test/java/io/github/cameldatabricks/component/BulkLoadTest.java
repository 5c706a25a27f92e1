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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * databricks:load:&lt;table&gt;: staging in a volume through the Files API, COPY INTO, retries and bad input. Public so
 * that its bean row class is, as a user's would be.
 */
public class BulkLoadTest extends WarehouseTestSupport {

    static final String VOLUME = "/Volumes/main/default/landing";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    private Instant testStarted;

    @BeforeEach
    void volume() throws Exception {
        sql("CREATE VOLUME IF NOT EXISTS main.default.landing");
        testStarted = Instant.now();
    }

    /** A bean row, loaded by its getters. */
    public static final class Order {
        private final int id;
        private final String customer;

        Order(int id, String customer) {
            this.id = id;
            this.customer = customer;
        }

        public int getId() {
            return id;
        }

        public String getCustomer() {
            return customer;
        }
    }

    @Test
    void rowsOfEveryTypeAreStagedLoadedAndTheStagingFilesRemoved() throws Exception {
        String table = newTable("typed");
        sql("CREATE TABLE " + table + " (k INT, b BOOLEAN, l BIGINT, d DOUBLE, m DECIMAL(12,3), s STRING,"
                + " day DATE, ts TIMESTAMP)");
        Map<String, Object> full = new HashMap<>();
        full.put("k", 1);
        full.put("b", true);
        full.put("l", 9_000_000_000L);
        full.put("d", 2.25d);
        full.put("m", new BigDecimal("123456789.125"));
        full.put("s", "it's \"quoted\"\nand ünïcode");
        full.put("day", LocalDate.of(2026, 2, 28));
        full.put("ts", Instant.parse("2026-11-24T23:59:58.123456Z"));
        Map<String, Object> nulls = new HashMap<>();
        full.keySet().forEach(k -> nulls.put(k, null));
        nulls.put("k", 2);
        Exchange out = template.request(load(table), e -> e.getMessage().setBody(List.of(full, nulls)));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.LOADED_ROWS)).isEqualTo(2L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.STAGED_ROWS)).isEqualTo(2L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo(2L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.LOAD_ID)).isNull();
        String folder = out.getMessage().getHeader(DatabricksConstants.STAGING_PATH, String.class);
        assertThat(folder).startsWith(VOLUME + "/camel-databricks/");
        try (Connection c = DriverManager.getConnection(warehouse().jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY k")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("b")).isTrue();
            assertThat(rs.getLong("l")).isEqualTo(9_000_000_000L);
            assertThat(rs.getDouble("d")).isEqualTo(2.25d);
            assertThat(rs.getBigDecimal("m")).isEqualByComparingTo("123456789.125");
            assertThat(rs.getString("s")).isEqualTo("it's \"quoted\"\nand ünïcode");
            assertThat(rs.getDate("day").toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(rs.getTimestamp("ts").toInstant()).isEqualTo(Instant.parse("2026-11-24T23:59:58.123456Z"));
            assertThat(rs.next()).isTrue();
            for (String column : List.of("b", "l", "d", "m", "s", "day", "ts")) {
                assertThat(rs.getObject(column)).as(column).isNull();
            }
        }
        // one upload, one COPY INTO, and the staged file and folder are gone
        assertThat(events("filesPut")).hasSize(1);
        assertThat(copies(table)).hasSize(1);
        assertThatThrownBy(() -> files().getDirectoryMetadata(folder)).isInstanceOf(DatabricksError.class);
    }

    @Test
    void beansAndAnIteratorAreStagedInFilesOfAtMostLoadFileRows() throws Exception {
        String table = newTable("beans");
        sql("CREATE TABLE " + table + " (id INT, customer STRING)");
        Iterator<Order> orders = IntStream.range(0, 2500).mapToObj(i -> new Order(i, "c" + i)).iterator();
        Exchange out = template.request(load(table) + "&loadFileRows=1000", e -> e.getMessage().setBody(orders));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.LOADED_ROWS)).isEqualTo(2500L);
        assertThat(events("filesPut")).hasSize(3);
        assertThat(copies(table)).hasSize(1);
        assertThat(scalar("SELECT count(DISTINCT id) FROM " + table)).isEqualTo(2500L);
        assertThat(scalar("SELECT customer FROM " + table + " WHERE id = 1234")).isEqualTo("c1234");
    }

    @Test
    void aBodyThatIsAlreadyAFileIsUploadedAsItIs(@TempDir Path dir) throws Exception {
        String table = newTable("files");
        sql("CREATE TABLE " + table + " (id INT, name STRING)");
        byte[] csv = "id,name\n1,one\n2,two\n".getBytes(StandardCharsets.UTF_8);
        Exchange csvOut = template.request(load(table) + "&loadFormat=CSV",
                e -> e.getMessage().setBody(new ByteArrayInputStream(csv)));
        assertThat(csvOut.getException()).isNull();
        assertThat(csvOut.getMessage().getHeader(DatabricksConstants.LOADED_ROWS)).isEqualTo(2L);
        assertThat(csvOut.getMessage().getHeader(DatabricksConstants.STAGED_ROWS)).isNull();
        byte[] json = "{\"id\":3,\"name\":\"three\"}\n".getBytes(StandardCharsets.UTF_8);
        template.sendBody(load(table), json);
        Path parquet = dir.resolve("rows.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT 4 AS id, 'four' AS name) TO '" + parquet + "' (FORMAT parquet)");
        }
        template.sendBody(load(table) + "&loadFormat=PARQUET", parquet.toFile());
        assertThat(scalar("SELECT string_agg(name, ',') FROM (SELECT name FROM " + table + " ORDER BY id)"))
                .isEqualTo("one,two,three,four");
    }

    @Test
    void aCopyIntoWhoseAnswerIsLostIsRetriedAndLoadsNothingTwice() throws Exception {
        String table = newTable("ambiguous");
        sql("CREATE TABLE " + table + " (id INT)");
        // the upload gets a 503 once; the COPY INTO (the second statement, after the table's description) runs,
        // then its connection drops: the retry finds the file loaded and skips it
        warehouse().faults().inject(Fault.serviceUnavailable(0).onlyFor("filesPut"), 1);
        warehouse().faults().inject(Fault.latency(java.time.Duration.ZERO).onlyFor("ExecuteStatement"), 1);
        warehouse().faults().inject(Fault.executeThenDrop(), 1);
        Exchange out = template.request(load(table) + "&retryInitialDelay=10",
                e -> e.getMessage().setBody(TestRows.ids(0,
                        100)));
        assertThat(out.getException()).isNull();
        assertThat(warehouse().faults().pending()).isZero();
        assertThat(copies(table)).hasSize(2);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(100L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.STAGED_ROWS)).isEqualTo(100L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.LOADED_ROWS)).isEqualTo(0L);
        assertThat(events("filesPut")).hasSize(2);
    }

    @Test
    void aReplayOfTheSameMessageWithItsLoadIdLoadsNothingTwice() throws Exception {
        String table = newTable("replay");
        sql("CREATE TABLE " + table + " (id INT)");
        Exchange first = template.request(load(table), e -> {
            e.getMessage().setHeader(DatabricksConstants.LOAD_ID, "order-batch-42");
            e.getMessage().setBody(TestRows.ids(0, 10));
        });
        assertThat(first.getMessage().getHeader(DatabricksConstants.LOADED_ROWS)).isEqualTo(10L);
        Exchange replay = template.request(load(table), e -> {
            e.getMessage().setHeader(DatabricksConstants.LOAD_ID, "order-batch-42");
            e.getMessage().setBody(TestRows.ids(0, 10));
        });
        assertThat(replay.getException()).isNull();
        assertThat(replay.getMessage().getHeader(DatabricksConstants.LOADED_ROWS)).isEqualTo(0L);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(10L);
    }

    @Test
    void aMissingVolumeIsNotFoundAndNotRetried() throws Exception {
        String table = newTable("novolume");
        sql("CREATE TABLE " + table + " (id INT)");
        Exchange out = template.request("databricks:load:" + table + "?stagingVolume=/Volumes/main/default/nope",
                e -> e.getMessage().setBody(TestRows.ids(0, 3)));
        DatabricksException failure = out.getException(DatabricksException.class);
        assertThat(failure.getCategory()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(failure.getAttempts()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("staging volume does not exist", "HTTP 404");
        assertThat(out.getMessage().getHeader(DatabricksConstants.LOAD_ID)).isNotNull();
    }

    @Test
    void badInputIsNamed() throws Exception {
        String table = newTable("bad");
        sql("CREATE TABLE " + table + " (id INT, tags STRING)");
        Exchange unknownKey = template.request(load(table), e -> e.getMessage().setBody(List.of(Map.of("id", 1),
                Map.of("id", 2, "colour", "red"))));
        assertThat(unknownKey.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 1 has the key 'colour', which is not a column of " + table)
                .hasMessageContaining("its columns: id, tags");
        Exchange text = template.request(load(table), e -> e.getMessage().setBody("id=1"));
        assertThat(text.getException()).hasMessageContaining("the body is java.lang.String");
        assertThat(events("filesPut")).isEmpty();
    }

    @Test
    void badEndpointsFailAtCreationNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:load:main.default.t")).rootCause()
                .hasMessageContaining("Missing stagingVolume");
        assertThatThrownBy(() -> context.getEndpoint("databricks:load:main.default.t?stagingVolume=/tmp/x"))
                .rootCause().hasMessageContaining("Invalid stagingVolume '/tmp/x'");
        assertThatThrownBy(() -> context.getEndpoint("databricks:load:main.default.t?stagingVolume="
                + "/Volumes/main/default/landing/../other")).rootCause().hasMessageContaining("Invalid stagingVolume");
        assertThatThrownBy(() -> context.getEndpoint("databricks:load:SELECT 1?stagingVolume=" + VOLUME))
                .rootCause().hasMessageContaining("Invalid load table 'SELECT 1'");
        assertThatThrownBy(() -> context.getEndpoint("databricks:UPDATE t SET a = 1?stagingVolume=" + VOLUME))
                .rootCause().hasMessageContaining("stagingVolume is only used by bulk-load endpoints");
        assertThatThrownBy(() -> context.getEndpoint("databricks:load:main.default.t?batch=true&stagingVolume="
                + VOLUME)).rootCause().hasMessageContaining("batch=true cannot be combined with a databricks:load:");
        assertThatThrownBy(() -> context.getEndpoint("databricks:load:main.default.t?loadFormat=AVRO&stagingVolume="
                + VOLUME)).hasMessageContaining("loadFormat");
    }

    /** A record row, loaded by its components. */
    public record Payment(int id, String customer) {
    }

    @Test
    void recordsAreRowsAndTwoLoadsOfOneExchangeBothLoad() throws Exception {
        String table = newTable("records");
        sql("CREATE TABLE " + table + " (id INT, customer STRING)");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:twice").to(load(table))
                        .setBody(constant(List.of(new Payment(3, "c"), new Payment(4, "d")))).to(load(table));
            }
        });
        Exchange out = template.request("direct:twice", e -> e.getMessage().setBody(List.of(new Payment(1, "a"),
                new Payment(2, "b"))));
        assertThat(out.getException()).isNull();
        // each load got its own staging names: COPY INTO did not skip the second as already loaded
        assertThat(scalar("SELECT string_agg(customer, ',') FROM (SELECT customer FROM " + table + " ORDER BY id)"))
                .isEqualTo("a,b,c,d");
    }

    @Test
    void aRedeliveryCannotReReadAnIteratorAnEarlierAttemptConsumed() throws Exception {
        String table = newTable("oneshot");
        sql("CREATE TABLE " + table + " (id INT)");
        Exchange exchange = context.getEndpoint("direct:unused").createExchange();
        exchange.getMessage().setBody(TestRows.ids(0, 5).iterator());
        warehouse().faults().inject(Fault.forbidden().onlyFor("filesPut"), 1);
        template.send(load(table), exchange);
        assertThat(exchange.getException(DatabricksException.class).getCategory()).isEqualTo(ErrorCategory.PERMISSION);
        exchange.setException(null);
        template.send(load(table), exchange);
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an earlier attempt of this exchange already read");
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(0L);
    }

    @Test
    void aLoadIdLeftByAnotherEndpointIsRefused() throws Exception {
        String first = newTable("first");
        String second = newTable("second");
        sql("CREATE TABLE " + first + " (id INT)");
        sql("CREATE TABLE " + second + " (id INT)");
        Exchange exchange = context.getEndpoint("direct:unused").createExchange();
        exchange.getMessage().setBody(TestRows.ids(0, 5));
        warehouse().faults().inject(Fault.forbidden().onlyFor("filesPut"), 1);
        template.send(load(first), exchange);
        assertThat(exchange.getMessage().getHeader(DatabricksConstants.LOAD_ID)).isNotNull();
        exchange.setException(null);
        template.send(load(second), exchange);
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelDatabricksLoadId from another databricks endpoint");
        // the same endpoint takes it back and loads the rows once
        exchange.setException(null);
        template.send(load(first), exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(scalar("SELECT count(*) FROM " + first)).isEqualTo(5L);
    }

    static String load(String table) {
        return "databricks:load:" + table + "?stagingVolume=" + VOLUME;
    }

    /** This test's requests of the given action. */
    private List<AuditEvent> events(String action) {
        return warehouse().audit().events(e -> action.equals(e.actionName()) && !e.time().isBefore(testStarted));
    }

    private List<AuditEvent> copies(String table) {
        return warehouse().audit().events(e -> "commandSubmit".equals(e.actionName())
                && String.valueOf(e.requestParams().get("commandText")).startsWith("COPY INTO " + table));
    }

    private com.databricks.sdk.service.files.FilesAPI files() {
        return new WorkspaceClient(new DatabricksConfig().setHost(warehouse().baseUrl()).setAuthType("pat")
                .setToken(warehouse().token())).files();
    }
}
