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

import io.github.cameldatabricks.component.health.StoppedWarehouseHealth;

/**
 * How the producer health check judges the warehouse and how long it keeps an answer. Part of
 * {@link DatabricksConfiguration}.
 */
@UriParams
public abstract class DatabricksHealthConfiguration extends DatabricksConnectionConfiguration {

    @UriParam(label = "health", defaultValue = "UP")
    private StoppedWarehouseHealth healthCheckStoppedWarehouse = StoppedWarehouseHealth.UP;

    @UriParam(label = "health", defaultValue = "30000", javaType = "java.time.Duration")
    private long healthCheckCacheTime = 30000;

    public StoppedWarehouseHealth getHealthCheckStoppedWarehouse() {
        return healthCheckStoppedWarehouse;
    }

    /**
     * What the producer health check reports while the warehouse is STOPPED or STOPPING: UP (the state shows in the
     * details; the warehouse starts on the next query or with autoStartWarehouse=true) or DOWN (for routes that cannot
     * work until someone starts it). The check never starts the warehouse.
     */
    public void setHealthCheckStoppedWarehouse(StoppedWarehouseHealth healthCheckStoppedWarehouse) {
        this.healthCheckStoppedWarehouse = healthCheckStoppedWarehouse;
    }

    public long getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    /**
     * How long, in milliseconds, the producer health check reuses its last reading of the warehouse state (through the
     * SQL Warehouses API) before it asks again, so that frequent probes do not call the workspace each time. At least
     * 1000.
     */
    public void setHealthCheckCacheTime(long healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }
}
