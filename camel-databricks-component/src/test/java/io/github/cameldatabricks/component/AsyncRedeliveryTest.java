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

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * The producer blocks its thread while it retries (docs/errors-and-retries.md, "Which thread waits"); a route that must
 * not hold threads during back-offs sets {@code maxRetries=0} and lets Camel redeliver with
 * {@code asyncDelayedRedelivery}: the failed attempt returns the thread, and the redelivery runs on Camel's scheduler
 * thread, not on the caller's.
 */
class AsyncRedeliveryTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder());

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DatabricksRetryableException.class)
                        .maximumRedeliveries(2).redeliveryDelay(20).asyncDelayedRedelivery();

                from("direct:insert").routeId("insert")
                        .process(e -> e.setProperty("callerThread", Thread.currentThread().getName()))
                        .toD("databricks:INSERT INTO ${header.table} VALUES (:#id)"
                                + "?maxRetries=0&userAgentEntry=Acme_AsyncRedelivery/1.0")
                        .process(e -> e.setProperty("deliveredOn", Thread.currentThread().getName()))
                        .to("mock:delivered");
            }
        };
    }

    @Test
    void aConflictIsRedeliveredByCamelOnItsSchedulerAndWritesOneRow() throws Exception {
        String table = newTable("async_redelivery");
        sql("CREATE TABLE " + table + " (id INT)");
        WAREHOUSE.faults().inject(Fault.writeConflict(), 1);
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        delivered.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:insert", Map.of("id", 5), "table", table);

        delivered.assertIsSatisfied();
        Exchange exchange = delivered.getExchanges().get(0);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(DatabricksConstants.ATTEMPTS)).as("no producer retry").isEqualTo(1);
        assertThat(exchange.getProperty("deliveredOn", String.class))
                .isNotEqualTo(exchange.getProperty("callerThread", String.class));
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(1L);
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("INSERT INTO " + table))).hasSize(2);
    }
}
