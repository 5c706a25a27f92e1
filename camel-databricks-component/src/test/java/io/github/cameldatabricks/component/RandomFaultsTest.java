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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * 500 INSERTs through a route while 10% of SQL requests fail at random with 503, 429 or a dropped connection: every
 * exchange ends delivered or dead-lettered, and no row is written twice.
 */
class RandomFaultsTest extends WarehouseTestSupport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RandomFaultsTest.class);
    private static final int EXCHANGES = 500;

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
        table = newTable("orders");
        sql("CREATE TABLE " + table + " (id INT, amount DOUBLE)");
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dlq"));
                onException(DatabricksRetryableException.class).maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:insert").routeId("insert")
                        .to("databricks:INSERT INTO " + table + " VALUES (:#id, :#amount)?poolSize=4")
                        .to("mock:delivered");
            }
        };
    }

    @Test
    void everyExchangeIsDeliveredOrDeadLetteredAndNoRowIsWrittenTwice() throws Exception {
        // 429 without Retry-After: the driver does not wait on it, the producer backs off
        WAREHOUSE.faults().injectRandomly(20261124L, 0.10, Fault.serviceUnavailableWithoutRetryAfter(),
                new Fault(FaultType.RATE_LIMITED, null, null, null), Fault.dropConnection());
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < EXCHANGES; i++) {
            int id = i;
            senders.submit(() -> template.sendBody("direct:insert", Map.of("id", id, "amount", id * 1.5)));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        WAREHOUSE.faults().clear();

        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        long failed = dlq.getReceivedCounter();
        LOG.info("random faults: {} delivered, {} dead-lettered; injected 503={} 429={} drop={}",
                delivered.getReceivedCounter(), failed, WAREHOUSE.faults().triggered(FaultType.SERVICE_UNAVAILABLE),
                WAREHOUSE.faults().triggered(FaultType.RATE_LIMITED),
                WAREHOUSE.faults().triggered(FaultType.DROP_CONNECTION));
        assertThat(delivered.getReceivedCounter() + failed).isEqualTo(EXCHANGES);
        assertThat(WAREHOUSE.faults().triggered(FaultType.SERVICE_UNAVAILABLE)
                + WAREHOUSE.faults().triggered(FaultType.RATE_LIMITED)).as("faults were injected").isPositive();

        List<Object> duplicates = template.requestBody("databricks:SELECT id FROM " + table
                + " GROUP BY id HAVING count(*) > 1", (Object) null, List.class);
        assertThat(duplicates).as("ids written twice").isEmpty();
        long rows = (Long) scalar("SELECT count(*) FROM " + table);
        assertThat(rows).isGreaterThanOrEqualTo(delivered.getReceivedCounter()).isLessThanOrEqualTo(EXCHANGES);
        // every delivered insert is in the table; a dead-lettered one only if it was ambiguous
        List<Integer> deliveredIds = delivered.getExchanges().stream()
                .map(e -> (Integer) e.getMessage().getBody(Map.class).get("id")).collect(Collectors.toList());
        assertThat((Long) scalar("SELECT count(*) FROM " + table + " WHERE id IN (" + deliveredIds.stream()
                .map(String::valueOf).collect(Collectors.joining(",")) + ")")).isEqualTo(deliveredIds.size());
        assertThat(dlq.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getHeader(
                DatabricksConstants.ERROR_CATEGORY)).isIn("ambiguous", "warehouse_unavailable", "rate_limit",
                        "network"));
        long ambiguous = dlq.getExchanges().stream().filter(e -> "ambiguous".equals(e.getMessage().getHeader(
                DatabricksConstants.ERROR_CATEGORY))).count();
        assertThat(rows - delivered.getReceivedCounter()).as("extra rows come only from ambiguous inserts")
                .isLessThanOrEqualTo(ambiguous);
    }
}
