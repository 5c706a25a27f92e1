package io.github.cameldatabricks.component.warehouse;

/** The SQL Warehouses REST API, as far as the component needs it. */
public interface WarehouseStateClient {

    /** The warehouse state: STOPPED, STARTING, RUNNING, STOPPING, DELETED, ... */
    String state() throws Exception;

    /** Asks the workspace to start the warehouse. */
    void start() throws Exception;
}
