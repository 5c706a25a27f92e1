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

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * A result read whole (SelectList, SelectOne) that passes maxResultBytes fails as a classified too_large error that
 * names StreamList and maxRows, before the heap runs out, and the JVM carries on; StreamList reads the same result.
 */
class LargeResultTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(5_000));

    private static String uri(String query, String options) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "databricks:" + query + "?host=" + w.baseUrl() + "&httpPath=" + w.httpPath() + "&token=RAW("
                + w.token() + ")" + options;
    }

    @Test
    void aResultPastMaxResultBytesIsTooLargeAndStreamListReadsIt() throws Exception {
        CamelContext context = TestContexts.startedWith(Environment.empty());
        try {
            var template = context.createProducerTemplate();
            // 5,000 rows of 6 columns are well over 100 kB as maps
            Exchange out = template.request(uri("SELECT * FROM samples.nyctaxi.trips", "&maxResultBytes=100000"),
                    e -> {
                    });
            DatabricksException e = out.getException(DatabricksException.class);
            assertThat(e).as(String.valueOf(out.getException())).isNotNull();
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.TOO_LARGE);
            assertThat(e.getAttempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("maxResultBytes").contains("outputType=StreamList")
                    .contains("maxRows");
            assertThat(out.getMessage().getHeader("CamelDatabricksErrorCategory")).isEqualTo("too_large");
            // within the limit: the same endpoint options read a smaller result whole
            List<?> some = template.requestBody(uri("SELECT * FROM samples.nyctaxi.trips",
                    "&maxResultBytes=100000&maxRows=50"), null, List.class);
            assertThat(some).hasSize(50);
            // StreamList reads it: the iterator is consumed inside the route, before the exchange completes
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:all").to(uri("SELECT * FROM samples.nyctaxi.trips",
                            "&maxResultBytes=100000&outputType=StreamList")).process(e -> {
                                java.util.Iterator<?> rows = e.getMessage().getBody(java.util.Iterator.class);
                                int n = 0;
                                while (rows.hasNext()) {
                                    rows.next();
                                    n++;
                                }
                                e.getMessage().setBody(n);
                            });
                }
            });
            assertThat(template.requestBody("direct:all", null, Integer.class)).isEqualTo(5_000);
        } finally {
            context.stop();
        }
    }

    /**
     * 2,000,000 rows read whole in a JVM with 128 MB of heap: the exchange fails as too_large and the next exchange in
     * that JVM works. The rows come by CloudFetch, so either the component's limit (a quarter of the heap) stops the
     * read, or databricks-jdbc's parallel downloads exhaust the heap first on its own threads, which it reports as a
     * failed download with the OutOfMemoryError as cause; both are too_large and point to StreamList.
     */
    @Test
    void twoMillionRowsWith128MbOfHeapFailClassifiedAndTheJvmCarriesOn() throws Exception {
        String output;
        try (LocalWarehouse warehouse = LocalWarehouse.builder().sampleRows(2_000_000).build().start()) {
            output = ChildJvm.run(LowMemorySelectMain.class, 128, warehouse.baseUrl(), warehouse.httpPath(),
                    warehouse.token());
        }
        assertThat(output).as(ChildJvm.tail(output)).contains("category=too_large").contains("outputType=StreamList")
                .contains("after=2000000");
    }
}
