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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The producer's overall time budget stops retries that would end after it, measured on an injected clock. */
class RetryBudgetTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(1));

    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);
        component.setClock(clock);
        component.setRandom(() -> 0.5);
        component.setSleeper(d -> {
            sleeps.add(d);
            clock.advance(d);
        });
        return context;
    }

    @Test
    void retriesStopWhenTheNextDelayWouldOverrunTheBudget() {
        WAREHOUSE.faults().inject(Fault.serviceUnavailableWithoutRetryAfter().onlyFor("ExecuteStatement"), 20);
        Throwable failure = catchThrowable(() -> template.requestBody("databricks:SELECT 'budget' AS b"
                + "?maxRetries=10&retryInitialDelay=2000&retryMultiplier=2&retryBudget=10000", (Object) null));
        assertThat(failure).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(DatabricksRetryableException.class);
        DatabricksRetryableException e = (DatabricksRetryableException) failure.getCause();
        // 2 s + 4 s = 6 s spent; 8 s more would end at 14 s, past the 10 s budget
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(e.getAttempts()).isEqualTo(3);
        assertThat(e.getCategory().value()).isEqualTo("warehouse_unavailable");
        assertThat(e.getMessage()).contains("after 3 attempts").contains("HTTP 503");
    }

    @Test
    void maxRetriesZeroHandsTheFirstFailureToTheRoute() {
        WAREHOUSE.faults().inject(Fault.serviceUnavailableWithoutRetryAfter().onlyFor("ExecuteStatement"), 1);
        Throwable failure = catchThrowable(() -> template.requestBody("databricks:SELECT 'once' AS o?maxRetries=0",
                (Object) null));
        assertThat(failure.getCause()).isInstanceOf(DatabricksRetryableException.class);
        assertThat(((DatabricksRetryableException) failure.getCause()).getAttempts()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }
}
