package io.github.cameldatabricks.component.health;

/**
 * What the producer health check reports for a warehouse that is STOPPED or STOPPING (option
 * {@code healthCheckStoppedWarehouse}).
 */
public enum StoppedWarehouseHealth {
    /**
     * UP, with the state in the details: a stopped warehouse starts on the next query (serverless) or with
     * autoStartWarehouse=true, so the route can still do its work.
     */
    UP,
    /** DOWN: for deployments where a stopped warehouse means the route cannot work (autoStartWarehouse=false). */
    DOWN
}
