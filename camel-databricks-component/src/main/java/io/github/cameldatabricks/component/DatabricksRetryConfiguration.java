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

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How the producer retries: back-off, retry budget, and waiting for (or starting) a stopped warehouse. Part of
 * {@link DatabricksConfiguration}.
 */
@UriParams
public abstract class DatabricksRetryConfiguration extends DatabricksAuthConfiguration {

    @UriParam(label = "producer,retry", defaultValue = "3")
    private int maxRetries = 3;

    @UriParam(label = "producer,retry", defaultValue = "2000", javaType = "java.time.Duration")
    private long retryInitialDelay = 2000;

    @UriParam(label = "producer,retry", defaultValue = "2.0")
    private double retryMultiplier = 2.0;

    @UriParam(label = "producer,retry", defaultValue = "60000", javaType = "java.time.Duration")
    private long retryMaxDelay = 60000;

    @UriParam(label = "producer,retry", defaultValue = "300000", javaType = "java.time.Duration")
    private long retryBudget = 300000;

    @UriParam(label = "producer,warehouse", defaultValue = "600000", javaType = "java.time.Duration")
    private long warehouseStartTimeout = 600000;

    @UriParam(label = "producer,warehouse", defaultValue = "5000", javaType = "java.time.Duration")
    private long warehouseStatePollInterval = 5000;

    @UriParam(label = "producer,warehouse", defaultValue = "false")
    private boolean autoStartWarehouse = false;

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times the producer retries a failure that is transient and certainly did not run the statement (or a
     * read-only statement), before it hands the failure to the route. 0 leaves every retry to the route's error
     * handler.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * The delay before the first retry, in milliseconds; later delays grow by retryMultiplier, with a random jitter of
     * up to 20% either way.
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public double getRetryMultiplier() {
        return retryMultiplier;
    }

    /**
     * The factor by which each retry delay grows.
     */
    public void setRetryMultiplier(double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The longest delay between two retries, in milliseconds.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryBudget() {
        return retryBudget;
    }

    /**
     * The most time, in milliseconds, one exchange may spend on retries and their delays; no retry starts that would
     * end after it. The driver's own wait on HTTP 429 Retry-After is bounded by it too, so the two never multiply.
     * Waiting for a starting warehouse is bounded by warehouseStartTimeout instead.
     */
    public void setRetryBudget(long retryBudget) {
        this.retryBudget = retryBudget;
    }

    public long getWarehouseStartTimeout() {
        return warehouseStartTimeout;
    }

    /**
     * How long, in milliseconds, an exchange waits for a stopped or starting warehouse to reach RUNNING (checked
     * through the SQL Warehouses API, with progress in the log) before it fails.
     */
    public void setWarehouseStartTimeout(long warehouseStartTimeout) {
        this.warehouseStartTimeout = warehouseStartTimeout;
    }

    public long getWarehouseStatePollInterval() {
        return warehouseStatePollInterval;
    }

    /**
     * How often, in milliseconds, the warehouse state is checked while waiting for it to start.
     */
    public void setWarehouseStatePollInterval(long warehouseStatePollInterval) {
        this.warehouseStatePollInterval = warehouseStatePollInterval;
    }

    public boolean isAutoStartWarehouse() {
        return autoStartWarehouse;
    }

    /**
     * Whether to start a STOPPED warehouse through the SQL Warehouses API when a statement finds it stopped. Without
     * it, the component waits only for a warehouse that is already starting (or that starts on the query itself, as
     * serverless warehouses do).
     */
    public void setAutoStartWarehouse(boolean autoStartWarehouse) {
        this.autoStartWarehouse = autoStartWarehouse;
    }
}
