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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.testkit.faults.Fault;

/**
 * Runs the examples of databricks-component.adoc (Java DSL in DocsExamples, YAML DSL in docs/examples.camel.yaml)
 * against LocalWarehouse and checks what each one is said to do. The same checks run for both DSLs.
 */
abstract class DocsExamplesTestSupport extends WarehouseTestSupport {

    static final int TRIPS = 200;

    /** The routes of the examples, in one DSL. */
    protected abstract void addExampleRoutes(CamelContext context) throws Exception;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        sql("CREATE TABLE IF NOT EXISTS main.default.events (id INT, kind STRING)");
        sql("CREATE TABLE IF NOT EXISTS main.default.orders (id INT, customer STRING)");
        sql("CREATE VOLUME IF NOT EXISTS main.default.landing");
        sql("CREATE OR REPLACE TABLE main.default.outbox (id INT, payload STRING, sent BOOLEAN)");
        sql("INSERT INTO main.default.outbox VALUES (1, 'a', false), (2, 'b', false)");
        Properties properties = new Properties();
        properties.setProperty("reports.token", warehouse().token());
        context.getPropertiesComponent().setInitialProperties(properties);
        DocsExamples.enableProducerHealthChecks(context);
        HealthCheckHelper.getHealthCheckRegistry(context).setExposureLevel("full");
        addExampleRoutes(context);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        // the test's ends of the examples' direct: endpoints
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:trip").to("mock:trip");
                from("direct:publish").to("mock:publish");
                from("direct:failed-orders").to("mock:failed-orders");
            }
        };
    }

    @Test
    void queriesBindNamedParametersFromTheBodyHeadersAndInLists() throws Exception {
        List<?> rows = template.requestBodyAndHeader("direct:top-zips", Map.of("minFare", 5), "top", 3, List.class);
        assertThat(rows).hasSize(3);
        List<Double> totals = rows.stream().map(r -> ((Number) ((Map<?, ?>) r).get("total")).doubleValue()).toList();
        assertThat(totals).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        List<Object> zips = rows.stream().map(r -> (Object) ((Map<?, ?>) r).get("pickup_zip")).limit(2).toList();

        Object count = template.requestBody("direct:trips-in-zips", Map.of("zips", zips));
        assertThat(((Number) count).longValue()).isEqualTo(((Number) scalar(
                "SELECT count(*) FROM samples.nyctaxi.trips WHERE pickup_zip IN (" + zips.get(0) + ", " + zips.get(1)
                        + ")"))
                .longValue());
    }

    @Test
    void selectOneMapsTheRowToTheOutputClassAndOutputHeaderKeepsTheBody() throws Exception {
        ZipTotal top = template.requestBody("direct:top-zip", null, ZipTotal.class);
        assertThat(String.valueOf(top.getZip())).isEqualTo(String.valueOf(scalar(
                "SELECT pickup_zip FROM samples.nyctaxi.trips GROUP BY pickup_zip ORDER BY sum(fare_amount) DESC LIMIT 1")));
        assertThat(top.getTotal()).isPositive();

        Exchange out = template.request("direct:zip-totals", e -> e.getMessage().setBody("unchanged"));
        assertThat(out.getMessage().getBody()).isEqualTo("unchanged");
        assertThat(out.getMessage().getHeader("zipTotals", List.class)).hasSize(((Number) scalar(
                "SELECT count(DISTINCT pickup_zip) FROM samples.nyctaxi.trips")).intValue());
    }

    @Test
    void aStreamListIsSplitRowByRow() throws Exception {
        MockEndpoint trips = getMockEndpoint("mock:trip");
        trips.expectedMessageCount(TRIPS);
        template.sendBody("direct:export-trips", null);
        trips.assertIsSatisfied();
        assertThat(trips.getExchanges().get(0).getMessage().getBody(Map.class)).containsKey("fare_amount");
    }

    @Test
    void aBatchInsertSendsMultiRowStatementsAndALoadCopiesRowsIn() throws Exception {
        List<Map<String, Object>> events = IntStream.range(0, 300)
                .mapToObj(i -> Map.<String, Object>of("id", i, "kind", "click")).toList();
        Exchange out = template.request("direct:events", e -> e.getMessage().setBody(events));
        assertThat(out.getException()).isNull();
        // 256 parameters per statement, 2 per row: 128 rows a statement
        assertThat(out.getMessage().getHeader("CamelDatabricksBatchStatements")).isEqualTo(3);
        assertThat(scalar("SELECT count(*) FROM main.default.events")).isEqualTo(300L);

        List<Map<String, Object>> orders = List.of(Map.of("id", 1, "customer", "Ann"),
                Map.of("id", 2, "customer", "Bo"));
        out = template.request("direct:orders-load", e -> e.getMessage().setBody(orders));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelDatabricksLoadedRows")).isEqualTo(2L);
        assertThat(scalar("SELECT count(*) FROM main.default.orders WHERE id IN (1, 2)")).isEqualTo(2L);
    }

    @Test
    void theConsumerRoutesEachRowAndMarksItSent() throws Exception {
        MockEndpoint published = getMockEndpoint("mock:publish");
        published.expectedMessageCount(2);
        published.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scalar("SELECT count(*) FROM main.default.outbox WHERE sent").equals(2L));
        assertThat(published.getExchanges()).map(e -> e.getMessage().getBody(Map.class).get("payload"))
                .containsExactly("a", "b");
    }

    @Test
    void anEndpointCanCarryItsOwnCredentialsAndUserAgentEntry() throws Exception {
        Object count = template.requestBody("direct:with-own-token", (Object) null);
        assertThat(((Number) count).longValue()).isEqualTo(TRIPS);
        assertThat(warehouse().audit().events(e -> e.actionName().equals("commandSubmit")
                && e.userAgent() != null && e.userAgent().contains("Acme_Reports/1.0.0"))).isNotEmpty();
    }

    @Test
    void everyProducerHasAReadinessCheckThatIsUpWhileTheWarehouseRuns() throws Exception {
        template.requestBody("direct:nightly-report", (Object) null);
        List<HealthCheck.Result> checks = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:databricks-")).toList();
        assertThat(checks).isNotEmpty().allSatisfy(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
    }

    @Test
    void aFailureThatIsNotRetryableGoesToTheDeadLetterChannelWithItsCategory() throws Exception {
        context.getRouteController().stopRoute("outbox"); // no other statement takes the injected fault
        MockEndpoint failed = getMockEndpoint("mock:failed-orders");
        failed.expectedMessageCount(1);
        warehouse().faults().inject(Fault.executeThenDrop().onlyFor("ExecuteStatement"), 1);
        template.sendBody("direct:orders", Map.of("id", 100, "customer", "Cy"));
        failed.assertIsSatisfied();
        Exchange dead = failed.getExchanges().get(0);
        assertThat(dead.getMessage().getHeader("CamelDatabricksErrorCategory")).isEqualTo("ambiguous");
        assertThat(dead.getMessage().getHeader("CamelDatabricksAttempts")).isEqualTo(1);
        // the statement ran before the connection dropped: one row, not retried
        assertThat(scalar("SELECT count(*) FROM main.default.orders WHERE id = 100")).isEqualTo(1L);
    }
}
