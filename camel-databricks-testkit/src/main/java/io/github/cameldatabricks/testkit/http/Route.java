package io.github.cameldatabricks.testkit.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/** One family of workspace endpoints. */
interface Route {

    /** Whether this route serves the path. */
    boolean matches(String path);

    void handle(HttpExchange exchange) throws IOException;

    /**
     * Whether requests to this route take the persistent request latency ({@code Faults.requestLatency()}): the
     * SQL endpoint and the REST APIs do; OIDC, the admin API and telemetry do not.
     */
    default boolean takesRequestLatency() {
        return false;
    }
}
