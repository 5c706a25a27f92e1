package io.github.cameldatabricks.testkit.lifecycle;

/** SQL warehouse states, as the Databricks SQL Warehouses API names them. */
public enum WarehouseState {
    STOPPED, STARTING, RUNNING, STOPPING
}
