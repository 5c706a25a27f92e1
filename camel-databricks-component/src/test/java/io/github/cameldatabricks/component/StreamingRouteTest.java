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

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.sql.ResultSetIterator;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** outputType=StreamList through split().streaming(): every row arrives, and the connection is released after. */
class StreamingRouteTest extends WarehouseTestSupport {

    private static final int ROWS = 200_000;

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(ROWS));

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong fareCents = new AtomicLong();
    private final AtomicReference<Object> iterator = new AtomicReference<>();

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all-trips").routeId("stream")
                        .to("databricks:SELECT trip_distance, fare_amount FROM samples.nyctaxi.trips"
                                + "?outputType=StreamList&userAgentEntry=Streaming_Test/1.0")
                        .process(e -> iterator.set(e.getMessage().getBody()))
                        .split(body()).streaming()
                        .process(e -> {
                            Map<?, ?> row = e.getMessage().getBody(Map.class);
                            fareCents.addAndGet(Math.round(((Number) row.get("fare_amount")).doubleValue() * 100));
                            rows.incrementAndGet();
                        })
                        .end();
            }
        };
    }

    @Test
    void twoHundredThousandRowsStreamThroughSplitAndTheConnectionIsReleased() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("stream").whenDone(1).create();
        template.sendBody("direct:all-trips", null);
        assertThat(done.matches(120, TimeUnit.SECONDS)).isTrue();

        assertThat(rows.get()).isEqualTo(ROWS);
        long expectedCents = Math.round(((Number) scalar("SELECT sum(CAST(round(fare_amount * 100) AS BIGINT))"
                + " FROM samples.nyctaxi.trips")).doubleValue());
        assertThat(fareCents.get()).isEqualTo(expectedCents);
        assertThat(iterator.get()).isInstanceOf(Iterator.class).isInstanceOf(ResultSetIterator.class);
        assertThat(((ResultSetIterator) iterator.get()).isClosed()).isTrue();

        DataSource pool = context.getEndpoints().stream().filter(DatabricksEndpoint.class::isInstance)
                .map(DatabricksEndpoint.class::cast).findFirst().orElseThrow().getDataSource();
        assertThat(pool.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections()).isZero();
        // the driver received the result in pieces, not at once: 200,000 rows are above the warehouse's CloudFetch
        // threshold, so they came as 4 downloaded files of 50,000 rows, all linked from the direct results (a
        // response's links are not bounded by the driver's maxRows, as on a real warehouse)
        assertThat(WAREHOUSE.audit().events(e -> "commandSubmit".equals(e.actionName())
                && String.valueOf(e.userAgent()).contains("Streaming_Test/1.0")
                && String.valueOf(e.requestParams().get("commandText")).startsWith("SELECT trip_distance")))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.requestParams()).containsEntry("resultFormat", "URL_BASED_SET+LZ4")
                        .containsEntry("resultLinks", "4"));
        assertThat(WAREHOUSE.warehouse().cloudFetch().downloads()).isEqualTo(4);
    }
}
