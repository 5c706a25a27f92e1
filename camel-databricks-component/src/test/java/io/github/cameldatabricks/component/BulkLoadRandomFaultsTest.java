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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * 1,000 bulk loads through a route with a dead-letter channel (no producer retries, one redelivery) while SQL calls and
 * Files API calls fail at random (503, 500, dropped connections before and after the work was done): every exchange
 * ends delivered or dead-lettered, every delivered row is in the table once, a dead letter's rows are all there or
 * none, and replaying the dead letters with their headers completes the table without a duplicate.
 */
class BulkLoadRandomFaultsTest extends WarehouseTestSupport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkLoadRandomFaultsTest.class);
    private static final int EXCHANGES = 1000;
    private static final int ROWS_PER_EXCHANGE = 5;

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(1));

    private String table;

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("databricks", DatabricksComponent.class).setSleeper(d -> {
        });
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        table = newTable("events");
        sql("CREATE TABLE " + table + " (id INT, exchange INT)");
        sql("CREATE VOLUME IF NOT EXISTS main.default.landing");
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dlq"));
                onException(DatabricksException.class).onWhen(exchangeProperty(DatabricksConstants.ERROR_RETRYABLE)
                        .isEqualTo(true)).maximumRedeliveries(1).redeliveryDelay(0);
                from("direct:load").routeId("load")
                        .to("databricks:load:" + table + "?stagingVolume=/Volumes/main/default/landing&poolSize=4"
                                + "&maxRetries=0")
                        .to("mock:delivered");
            }
        };
    }

    @Test
    void everyLoadIsDeliveredOrDeadLetteredAndNoRowIsLoadedTwice() throws Exception {
        WAREHOUSE.faults().injectRandomly(20261207L, 0.08, Fault.serviceUnavailableWithoutRetryAfter(),
                Fault.internalError(), Fault.dropConnection(), Fault.executeThenDrop(),
                Fault.serviceUnavailableWithoutRetryAfter().onlyFor("filesPut"),
                Fault.internalError().onlyFor("filesPut"),
                Fault.dropConnection().onlyFor("filesPut"), Fault.executeThenDrop().onlyFor("filesPut"),
                Fault.serviceUnavailableWithoutRetryAfter().onlyFor("filesDelete"));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < EXCHANGES; i++) {
            int exchange = i;
            senders.submit(() -> template.sendBody("direct:load", rows(exchange)));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        WAREHOUSE.faults().clear();

        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        long injected = 0;
        for (FaultType type : FaultType.values()) {
            injected += WAREHOUSE.faults().triggered(type);
        }
        LOG.info("bulk load random faults: {} delivered, {} dead-lettered, {} faults injected (executeThenDrop={})",
                delivered.getReceivedCounter(), dlq.getReceivedCounter(), injected,
                WAREHOUSE.faults().triggered(FaultType.EXECUTE_THEN_DROP));
        assertThat(delivered.getReceivedCounter() + dlq.getReceivedCounter()).isEqualTo(EXCHANGES);
        assertThat(injected).as("faults were injected").isGreaterThan(100);
        assertThat(dlq.getReceivedCounter()).as("some loads ran out of retries").isPositive();
        assertNoDuplicates();
        for (Exchange e : delivered.getExchanges()) {
            assertThat(rowsOf(e)).as("rows of delivered exchange %s", exchangeOf(e)).isEqualTo(ROWS_PER_EXCHANGE);
        }
        long deadLetterRowsLoaded = 0;
        for (Exchange e : dlq.getExchanges()) {
            long rows = rowsOf(e);
            assertThat(rows).as("a COPY INTO loads all of a message's rows or none").isIn(0L, (long) ROWS_PER_EXCHANGE);
            assertThat(e.getMessage().getHeader(DatabricksConstants.LOAD_ID)).as("a dead letter keeps its load id")
                    .isNotNull();
            deadLetterRowsLoaded += rows;
        }
        LOG.info("bulk load random faults: {} dead letters had their rows loaded before the failure",
                deadLetterRowsLoaded / ROWS_PER_EXCHANGE);
        assertThat((Long) scalar("SELECT count(*) FROM " + table))
                .isEqualTo(delivered.getReceivedCounter() * ROWS_PER_EXCHANGE + deadLetterRowsLoaded);

        // replaying every dead letter, headers and all, completes the table: nothing is loaded twice
        for (Exchange e : dlq.getExchanges()) {
            Map<String, Object> headers = new HashMap<>(e.getMessage().getHeaders());
            template.sendBodyAndHeaders("databricks:load:" + table + "?stagingVolume=/Volumes/main/default/landing",
                    e.getMessage().getBody(), headers);
        }
        assertNoDuplicates();
        assertThat((Long) scalar("SELECT count(*) FROM " + table)).isEqualTo((long) EXCHANGES * ROWS_PER_EXCHANGE);
    }

    private void assertNoDuplicates() throws Exception {
        assertThat((Long) scalar("SELECT count(*) FROM (SELECT id FROM " + table + " GROUP BY id HAVING count(*) > 1)"))
                .as("ids loaded twice").isZero();
    }

    private long rowsOf(Exchange e) throws Exception {
        return (Long) scalar("SELECT count(*) FROM " + table + " WHERE exchange = " + exchangeOf(e));
    }

    private static int exchangeOf(Exchange e) {
        List<?> rows = e.getMessage().getBody(List.class);
        return (Integer) ((Map<?, ?>) rows.get(0)).get("exchange");
    }

    private static List<Map<String, Object>> rows(int exchange) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < ROWS_PER_EXCHANGE; r++) {
            rows.add(Map.of("id", exchange * ROWS_PER_EXCHANGE + r, "exchange", exchange));
        }
        return rows;
    }
}
