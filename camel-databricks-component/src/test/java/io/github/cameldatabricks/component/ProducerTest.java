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

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLDataException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The producer's options against LocalWarehouse through the real driver. */
class ProducerTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(500));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Test
    void selectListReturnsRowsAsMapsInColumnOrderWithRowCount() {
        Exchange out = template.request("databricks:SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y' ORDER BY a",
                null);
        assertThat(out.getMessage().getBody(List.class)).containsExactly(Map.of("a", 1, "b", "x"),
                Map.of("a", 2, "b", "y"));
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) out.getMessage().getBody(List.class).get(0)).keySet()))
                .containsExactly("a", "b");
        assertThat(out.getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isEqualTo(2);
    }

    @Test
    void namedParametersComeFromBodyMapThenHeadersThenVariablesAndAreBoundNotSpliced() {
        Exchange out = template.send("databricks:SELECT :#fromBody AS b, :#fromHeader AS h, :#fromVar AS v", e -> {
            e.getMessage().setBody(Map.of("fromBody", "body-value"));
            e.getMessage().setHeader("fromHeader", "it's a header");
            e.setVariable("fromVar", 42);
            e.getMessage().setHeader("fromBody", "header loses to body");
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).containsExactly(
                Map.of("b", "body-value", "h", "it's a header", "v", 42));
        AuditEvent submit = lastSubmit();
        assertThat(submit.requestParams().get("commandText")).contains("?").doesNotContain("body-value")
                .doesNotContain("it's a header");
    }

    @Test
    void commonJavaTypesBindAsParameters() throws Exception {
        String table = newTable("types");
        sql("CREATE TABLE " + table + " (b BOOLEAN, l BIGINT, d DOUBLE, bin BINARY, ts TIMESTAMP, day DATE,"
                + " s STRING, n STRING)");
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("b", true);
        values.put("l", 9_000_000_000L);
        values.put("d", 2.5d);
        values.put("bin", java.util.HexFormat.of().formatHex(new byte[]{ 1, 2, 3 }));
        values.put("ts", java.time.LocalDateTime.of(2026, 11, 24, 23, 59, 58));
        values.put("day", java.time.LocalDate.of(2026, 2, 28));
        values.put("s", java.util.UUID.fromString("00000000-0000-0000-0000-000000000042"));
        values.put("n", null);
        Exchange out = template.request("databricks:INSERT INTO " + table
                + " VALUES (:#b, :#l, :#d, unhex(:#bin), :#ts, :#day, :#s, :#n)", e -> e.getMessage().setBody(values));
        assertThat(out.getException()).isNull();
        values.put("bin", new byte[]{ 1 });
        Exchange binary = template.request("databricks:INSERT INTO " + table
                + " VALUES (:#b, :#l, :#d, :#bin, :#ts, :#day, :#s, :#n)", e -> e.getMessage().setBody(values));
        assertThat(binary.getException()).hasMessageContaining("byte[]").hasMessageContaining("unhex(:#name)");
        Object row = template.requestBody("databricks:SELECT b, l, d, bin, CAST(ts AS STRING) AS ts,"
                + " CAST(day AS STRING) AS day, s, n FROM " + table + "?outputType=SelectOne", (Object) null);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) row;
        assertThat(r).containsEntry("b", true).containsEntry("l", 9_000_000_000L)
                .containsEntry("d", 2.5d).containsEntry("ts", "2026-11-24 23:59:58").containsEntry("day", "2026-02-28")
                .containsEntry("s", "00000000-0000-0000-0000-000000000042").containsEntry("n", null);
        assertThat((byte[]) ((Map<?, ?>) row).get("bin")).containsExactly(1, 2, 3);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "map", "list", "array", "optional", "pojo" })
    void aValueThatIsNotOneParameterIsRefusedNamingTheParameter(String kind) {
        Object value = switch (kind) {
            case "map" -> Map.of("a", 1);
            case "list" -> List.of(1, 2);
            case "array" -> new int[]{ 1, 2 };
            case "optional" -> java.util.Optional.of(1);
            default -> new Trip();
        };
        Exchange out = template.request("databricks:SELECT :#v AS v", e -> e.getMessage().setHeader("v", value));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Parameter :#v is a " + value.getClass().getName())
                .hasMessageContaining("expected a string, number, boolean, date/time, UUID or enum value");
        if (kind.equals("list") || kind.equals("array")) {
            assertThat(out.getException()).hasMessageContaining("write :#in:v");
        }
    }

    @Test
    void simpleExpressionParametersAreEvaluatedPerExchange() {
        Object body = template.requestBodyAndHeader("databricks:SELECT :#${header.amount} * 2 AS doubled"
                + "?outputType=SelectOne", null, "amount", new BigDecimal("10.5"));
        assertThat(body).isEqualTo(new BigDecimal("21.0"));
    }

    @Test
    void inListParametersExpandToOneJdbcParameterPerElement() {
        String uri = "databricks:SELECT pickup_zip FROM samples.nyctaxi.trips WHERE pickup_zip IN (:#in:zips)"
                + " GROUP BY pickup_zip ORDER BY pickup_zip";
        List<?> rows = template.requestBodyAndHeader(uri, null, "zips", List.of(10001, 10103, 99999), List.class);
        List<Object> zips = rows.stream().map(r -> ((Map<?, ?>) r).get("pickup_zip")).map(Object.class::cast).toList();
        assertThat(zips).isNotEmpty().isSubsetOf(10001, 10103).doesNotContain(99999);
        assertThat(lastSubmit().requestParams().get("commandText")).contains("IN (?,?,?)");
        // camel-sql's expansion: an array as a List, a String as a comma-separated list
        assertThat(template.requestBodyAndHeader(uri, null, "zips", new int[]{ 10001, 10103, 99999 }, List.class))
                .isEqualTo(rows);
        assertThat(template.requestBodyAndHeader(uri, null, "zips", "10001,10103", List.class)).isEqualTo(rows);
        assertThat(lastSubmit().requestParams().get("commandText")).contains("IN (?,?)");
        // each value of a String list is trimmed: " DONE" would match nothing
        String states = "databricks:SELECT s FROM (VALUES ('NEW'), ('DONE'), ('OLD')) AS t(s) WHERE s IN (:#in:states)"
                + " ORDER BY s";
        assertThat(template.requestBodyAndHeader(states, null, "states", "NEW, DONE", List.class))
                .isEqualTo(List.of(Map.of("s", "DONE"), Map.of("s", "NEW")));
        // a Map is one value, refused by name, not expanded to its entries
        assertThatThrownBy(() -> template.requestBodyAndHeader(states, null, "states", Map.of("NEW", 1)))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":#in:states");
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri, null, "zips", List.of()))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining(":#in:zips").hasMessageContaining("empty");
    }

    @Test
    void aMissingParameterNamesItAndWhereItWasLookedFor() {
        assertThatThrownBy(() -> template.requestBody("databricks:SELECT :#nowhere AS x", (Object) null))
                .isInstanceOf(CamelExecutionException.class).rootCause()
                .hasMessageContaining(":#nowhere").hasMessageContaining("header");
    }

    @Test
    void selectOneGivesAScalarForOneColumnAMapForSeveralAndNullForNoRow() {
        assertThat(template.requestBody("databricks:SELECT 7 AS n?outputType=SelectOne", (Object) null)).isEqualTo(7);
        assertThat(template.requestBody("databricks:SELECT 7 AS n, 'seven' AS s?outputType=SelectOne", (Object) null))
                .isEqualTo(Map.of("n", 7, "s", "seven"));
        Exchange none = template.request("databricks:SELECT 1 AS n WHERE 1 = 0?outputType=SelectOne", null);
        assertThat(none.getMessage().getBody()).isNull();
        assertThat(none.getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isEqualTo(0);
        assertThatThrownBy(() -> template.requestBody(
                "databricks:SELECT 1 AS n UNION ALL SELECT 2?outputType=SelectOne", (Object) null))
                .rootCause().isInstanceOf(SQLDataException.class).hasMessageContaining("2 rows");
        Exchange two = template.request("databricks:SELECT 1 AS n UNION ALL SELECT 2?outputType=SelectOne", e -> {
        });
        assertThat(two.getException())
                .isInstanceOf(io.github.cameldatabricks.component.error.DatabricksException.class);
        assertThat(two.getMessage().getHeader(DatabricksConstants.ERROR_CATEGORY)).isEqualTo("data");
    }

    /** A bean for outputClass. */
    public static class Trip {
        private Integer pickupZip;
        private BigDecimal fareAmount;

        public Integer getPickupZip() {
            return pickupZip;
        }

        public void setPickupZip(Integer pickupZip) {
            this.pickupZip = pickupZip;
        }

        public BigDecimal getFareAmount() {
            return fareAmount;
        }

        public void setFareAmount(BigDecimal fareAmount) {
            this.fareAmount = fareAmount;
        }
    }

    @Test
    void outputClassMapsSnakeCaseColumnsToBeanProperties() {
        List<?> trips = template.requestBody("databricks:SELECT pickup_zip, CAST(fare_amount AS DECIMAL(10,2)) AS"
                + " fare_amount FROM samples.nyctaxi.trips ORDER BY fare_amount DESC LIMIT 3"
                + "?outputClass=" + Trip.class.getName(), null, List.class);
        assertThat(trips).hasSize(3).allSatisfy(t -> {
            assertThat(t).isInstanceOf(Trip.class);
            assertThat(((Trip) t).getPickupZip()).isNotNull();
            assertThat(((Trip) t).getFareAmount()).isPositive();
        });
        Object one = template.requestBody("databricks:SELECT 10001 AS pickup_zip?outputType=SelectOne&outputClass="
                + Trip.class.getName(), (Object) null);
        assertThat(one).isInstanceOf(Trip.class).extracting("pickupZip").isEqualTo(10001);
    }

    @Test
    void outputHeaderKeepsTheBody() {
        Exchange out = template.request("databricks:SELECT 'v' AS k?outputHeader=result&outputType=SelectOne",
                e -> e.getMessage().setBody("original"));
        assertThat(out.getMessage().getBody()).isEqualTo("original");
        assertThat(out.getMessage().getHeader("result")).isEqualTo("v");
    }

    @Test
    void maxRowsLimitsTheRowsAndFetchSizeIsAccepted() {
        List<?> rows = template.requestBody("databricks:SELECT * FROM samples.nyctaxi.trips?maxRows=7&fetchSize=3",
                null, List.class);
        assertThat(rows).hasSize(7);
    }

    @Test
    void queryTimeoutFailsASlowStatementAndClosesItsOperationOnTheWarehouse() {
        long closesBefore = WAREHOUSE.audit().count("closeOperation");
        WAREHOUSE.faults().inject(Fault.slowStatement(Duration.ofSeconds(30)), 1);
        assertThatThrownBy(() -> template.requestBody("databricks:SELECT 1 AS slow?queryTimeout=1", (Object) null))
                .rootCause().isInstanceOf(SQLTimeoutException.class);
        // databricks-jdbc 3.4.5 ends a timed-out statement with CloseOperation, not CancelOperation
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> WAREHOUSE.audit().count("closeOperation") > closesBefore);
    }

    @Test
    void dmlSetsTheUpdateCountAndLeavesTheBody() throws Exception {
        String table = newTable("dml");
        sql("CREATE TABLE " + table + " (id INT, name STRING, day DATE)");
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id, :#name, :#day)",
                e -> e.getMessage().setBody(Map.of("id", 1, "name", "one", "day", LocalDate.of(2026, 11, 24))));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo(1L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isNull();
        assertThat(scalar("SELECT CAST(day AS STRING) FROM " + table + " WHERE id = 1")).isEqualTo("2026-11-24");
    }

    @Test
    void batchRunsOneStatementPerParameterMapAndSumsTheCounts() throws Exception {
        String table = newTable("batch");
        sql("CREATE TABLE " + table + " (id INT, name STRING)");
        List<Map<String, Object>> body = List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"),
                Map.of("id", 3, "name", "c"));
        Exchange out = template.request("databricks:INSERT INTO " + table + " VALUES (:#id, :#name)?batch=true",
                e -> e.getMessage().setBody(body));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.UPDATE_COUNT)).isEqualTo(3L);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(3L);
        assertThatThrownBy(() -> template.requestBody("databricks:INSERT INTO " + table
                + " VALUES (:#id, :#name)?batch=true", "not a list")).rootCause()
                .hasMessageContaining("batch=true expects");
    }

    @Test
    void theQueryHeaderOverridesTheEndpointSql() {
        Object body = template.requestBodyAndHeader("databricks:SELECT 'endpoint' AS s?outputType=SelectOne", null,
                DatabricksConstants.QUERY, "SELECT 'header' AS s");
        assertThat(body).isEqualTo("header");
    }

    @Test
    void useMessageBodyForSqlTakesTheSqlFromTheBodyAndParametersFromHeaders() {
        Object body = template.requestBodyAndHeader("databricks:body?useMessageBodyForSql=true&outputType=SelectOne",
                "SELECT upper(:#word) AS w", "word", "loud");
        assertThat(body).isEqualTo("LOUD");
    }

    @Test
    void theQueryCanComeFromTheClasspathOrAFile(@TempDir Path dir) throws Exception {
        assertThat(template.requestBody("databricks:classpath:queries/count-trips.sql?outputType=SelectOne",
                (Object) null))
                .isEqualTo(500L);
        Path file = dir.resolve("q.sql");
        Files.writeString(file, "-- from a file\nSELECT 'file' AS origin\n");
        assertThat(template.requestBody("databricks:file:" + file + "?outputType=SelectOne", (Object) null))
                .isEqualTo("file");
    }

    private AuditEvent lastSubmit() {
        List<AuditEvent> submits = WAREHOUSE.audit().events("commandSubmit");
        return submits.get(submits.size() - 1);
    }
}
