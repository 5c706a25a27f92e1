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

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** A StreamList result whose connection fails mid-stream: a classified failure saying how many rows went on. */
class StreamFailureTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(5_000).maxPageRows(1_000));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DatabricksException.class).handled(true).to("mock:failed");
                from("direct:stream").routeId("stream")
                        .to("databricks:SELECT trip_distance FROM samples.nyctaxi.trips?outputType=StreamList")
                        .split(body()).streaming().stopOnException()
                        .to("mock:rows")
                        .end();
            }
        };
    }

    @Test
    void aFailureWhileReadingIsADatabricksExceptionNamingTheRowsDelivered() throws Exception {
        warehouse().faults().inject(Fault.internalError().onlyFor("FetchResults"), 1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("stream").whenDone(1).create();
        template.sendBody("direct:stream", null);
        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        MockEndpoint failed = getMockEndpoint("mock:failed");
        assertThat(failed.getReceivedCounter()).isEqualTo(1);
        Exchange failure = failed.getExchanges().get(0);
        DatabricksException e = findCause(failure.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        assertThat(e).isNotNull();
        long processed = getMockEndpoint("mock:rows").getReceivedCounter();
        assertThat(processed).isPositive().isLessThan(5_000);
        // the streaming splitter reads one row ahead of the one it processes
        assertThat(e.getMessage()).containsAnyOf("reading the result failed after " + processed + " rows were read",
                "reading the result failed after " + (processed + 1) + " rows were read");
        assertThat(e.getCategory().value()).isIn("ambiguous", "unknown", "network");
    }

    private static DatabricksException findCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DatabricksException d) {
                return d;
            }
        }
        return null;
    }
}
