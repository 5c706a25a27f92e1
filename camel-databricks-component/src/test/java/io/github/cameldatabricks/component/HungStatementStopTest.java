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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Stopping the context while a statement waits on a warehouse that does not answer it: the stop waits for the busy
 * connection only poolStopTimeout (HikariCP alone would wait 10 s, then Camel more), the exchange is left to its own
 * socket timeout and then fails classified (the statement was sent: its outcome is unknown).
 */
class HungStatementStopTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Test
    void stoppingWhileAStatementHangsWaitsOnlyPoolStopTimeout() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        CamelContext context = TestContexts.startedWith(Environment.empty());
        String uri = "databricks:SELECT 1?host=" + w.baseUrl() + "&httpPath=" + w.httpPath() + "&token=RAW("
                + w.token() + ")&maxRetries=0&poolStopTimeout=1000&jdbc.SocketTimeout=8";
        assertThat(context.createProducerTemplate().requestBody(uri, (Object) null)).isNotNull();
        long before = w.faults().triggered(FaultType.LATENCY);
        w.faults().inject(Fault.latency(Duration.ofSeconds(120)).onlyFor("ExecuteStatement"), 1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Exchange> pending = thread.submit(() -> context.createProducerTemplate().request(uri, e -> {
            }));
            Awaitility.await().until(() -> w.faults().triggered(FaultType.LATENCY) > before);
            // a hang detector, not a measurement: without the bound the stop lasts at least 10 s more than this
            assertTimeoutPreemptively(Duration.ofSeconds(9), () -> context.stop());
            assertThat(pending).as("the stop did not wait for the hung exchange").isNotDone();
            Exchange out = pending.get(60, TimeUnit.SECONDS);
            DatabricksException e = out.getException(DatabricksException.class);
            assertThat(e).as(String.valueOf(out.getException())).isNotNull();
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.AMBIGUOUS);
        } finally {
            thread.shutdownNow();
        }
    }
}
