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
     * What the producer health check reports while the warehouse is STOPPED or STOPPING: UP (the state shows in the details; the warehouse starts on the next query or with autoStartWarehouse=true) or DOWN (for routes that cannot work until someone starts it). The check never starts the warehouse.
     */
    public void setHealthCheckStoppedWarehouse(StoppedWarehouseHealth healthCheckStoppedWarehouse) {
        this.healthCheckStoppedWarehouse = healthCheckStoppedWarehouse;
    }

    public long getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    /**
     * How long, in milliseconds, the producer health check reuses its last reading of the warehouse state (through the SQL Warehouses API) before it asks again, so that frequent probes do not call the workspace each time. At least 1000.
     */
    public void setHealthCheckCacheTime(long healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }
}
