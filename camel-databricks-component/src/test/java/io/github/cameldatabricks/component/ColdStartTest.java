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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseState;

/**
 * A stopped warehouse that takes 20 s to start: the component starts it through the SQL Warehouses API
 * (autoStartWarehouse=true) and waits for RUNNING. The warehouse and the component share a manual clock that the
 * component's sleeper advances, so the 20 s take no real time. Without autoStartWarehouse, or with a shorter
 * warehouseStartTimeout, the exchange fails as warehouse_unavailable saying which option to change.
 */
class ColdStartTest extends WarehouseTestSupport {

    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder()
            .clock(CLOCK).initialState(WarehouseState.STOPPED).startOnQuery(false)
            .startupTime(Duration.ofSeconds(20)).sampleRows(10));

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);
        component.setClock(CLOCK);
        component.setSleeper(d -> {
            sleeps.add(d);
            CLOCK.advance(d);
        });
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[]{ createRouteBuilder(), new RouteBuilder() {
            @Override
            public void configure() {
                // no redelivery: the component's own answer reaches the dead-letter channel
                errorHandler(deadLetterChannel("mock:not-started"));
                from("direct:without-auto-start").to("databricks:SELECT 1 AS one?outputType=SelectOne"
                        + "&warehouseStatePollInterval=5000&userAgentEntry=Acme_ColdStart/1.0").to("mock:delivered");
                from("direct:impatient").to("databricks:SELECT 2 AS two?outputType=SelectOne"
                        + "&autoStartWarehouse=true&warehouseStartTimeout=10000&warehouseStatePollInterval=5000"
                        + "&maxRetries=0&userAgentEntry=Acme_ColdStart/1.0").to("mock:delivered");
            }
        } };
    }

    @BeforeEach
    void stopTheWarehouse() {
        WAREHOUSE.warehouse().lifecycle().stop();
        sleeps.clear();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dlq"));
                onException(DatabricksRetryableException.class).maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:count").to("databricks:SELECT count(*) AS n FROM samples.nyctaxi.trips"
                        + "?outputType=SelectOne&autoStartWarehouse=true&warehouseStatePollInterval=5000"
                        + "&userAgentEntry=Acme_ColdStart/1.0").to("mock:delivered");
            }
        };
    }

    @Test
    void aTwentySecondColdStartIsWaitedForAndEveryExchangeIsDelivered() throws Exception {
        assertThat(WAREHOUSE.warehouse().lifecycle().state()).isEqualTo(WarehouseState.STOPPED);
        long startsBefore = WAREHOUSE.warehouse().lifecycle().starts();
        long startCallsBefore = WAREHOUSE.audit().count("startWarehouse");
        String log = LogCapture.during(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(template.requestBody("direct:count", (Object) null)).isEqualTo(10L);
            }
        });
        // progress in the log, on the warehouse's (manual) time
        assertThat(log).contains("is STOPPED: starting it (autoStartWarehouse=true)")
                .contains("is STARTING: waiting for RUNNING (5 s of at most 600 s)")
                .contains("is STARTING: waiting for RUNNING (15 s of at most 600 s)")
                .contains("is RUNNING after 20 s");
        assertThat(getMockEndpoint("mock:delivered").getReceivedCounter()).isEqualTo(5);
        assertThat(getMockEndpoint("mock:dlq").getReceivedCounter()).isZero();
        assertThat(WAREHOUSE.warehouse().lifecycle().starts() - startsBefore).isEqualTo(1);
        assertThat(WAREHOUSE.audit().count("startWarehouse") - startCallsBefore).isEqualTo(1);
        // polled every 5 s of warehouse time until the 20 s start-up was over
        assertThat(sleeps).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(5)));
        assertThat(WAREHOUSE.audit().events("getWarehouse")).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> assertThat(e.userAgent()).contains("Acme_ColdStart"));
    }

    private DatabricksException deadLetteredAsWarehouseUnavailable() {
        assertThat(getMockEndpoint("mock:delivered").getReceivedCounter()).isZero();
        DatabricksException e = getMockEndpoint("mock:not-started").getExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, DatabricksException.class);
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.WAREHOUSE_UNAVAILABLE);
        return e;
    }

    @Test
    void aStoppedWarehouseWithoutAutoStartFailsAfterOnePollSayingHowToStartIt() {
        long startsBefore = WAREHOUSE.warehouse().lifecycle().starts();
        template.sendBody("direct:without-auto-start", null);
        DatabricksException e = deadLetteredAsWarehouseUnavailable();
        assertThat(e.getMessage()).contains("the warehouse is stopped (set autoStartWarehouse=true to start it)");
        // one poll interval for a warehouse that starts on the query itself (serverless), then no more waiting
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
        assertThat(WAREHOUSE.warehouse().lifecycle().starts()).isEqualTo(startsBefore);
    }

    @Test
    void aStartLongerThanWarehouseStartTimeoutFailsNamingTheOption() {
        template.sendBody("direct:impatient", null);
        DatabricksException e = deadLetteredAsWarehouseUnavailable();
        assertThat(e.getMessage()).contains("did not reach RUNNING within warehouseStartTimeout");
        // polled at 5 s and 10 s of the 20 s start-up, then gave up
        assertThat(sleeps).hasSize(2).allMatch(d -> d.equals(Duration.ofSeconds(5)));
    }
}
