package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseState;

/**
 * A stopped warehouse that takes 20 s to start: the component starts it through the SQL Warehouses API
 * (autoStartWarehouse=true) and waits for RUNNING. The warehouse and the component share a manual clock that the
 * component's sleeper advances, so the 20 s take no real time.
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
        for (int i = 0; i < 5; i++) {
            assertThat(template.requestBody("direct:count", (Object) null)).isEqualTo(10L);
        }
        assertThat(getMockEndpoint("mock:delivered").getReceivedCounter()).isEqualTo(5);
        assertThat(getMockEndpoint("mock:dlq").getReceivedCounter()).isZero();
        assertThat(WAREHOUSE.warehouse().lifecycle().starts()).isEqualTo(1);
        assertThat(WAREHOUSE.audit().count("startWarehouse")).isEqualTo(1);
        // polled every 5 s of warehouse time until the 20 s start-up was over
        assertThat(sleeps).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(5)));
        assertThat(WAREHOUSE.audit().events("getWarehouse")).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> assertThat(e.userAgent()).contains("Acme_ColdStart"));
    }
}
