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
package io.github.cameldatabricks.component.connection;

import java.util.Map;
import java.util.TreeMap;

import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * Where to connect and with which non-secret driver settings: host, warehouse path, initial namespace, User-Agent entry
 * and pass-through driver properties. Together with an identity it keys a connection pool.
 */
public record WarehouseTarget(WorkspaceHost host, String httpPath, String catalog, String schema,
        String userAgentEntry, Map<String, String> driverProperties, int rateLimitWindowSeconds,
        int unavailableWindowSeconds) {

    public WarehouseTarget {
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : driverProperties.entrySet()) {
            DriverPropertyPolicy.check(e.getKey(), String.valueOf(e.getValue()));
            sorted.put(e.getKey(), e.getValue());
        }
        driverProperties = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The JDBC URL; it carries no credentials. */
    public String jdbcUrl() {
        return "jdbc:databricks://" + host.hostName() + ":" + host.port() + "/default;httpPath=" + httpPath
                + ";ssl=" + (host.tls() ? "1" : "0");
    }

    /**
     * Non-secret connection properties: the component's defaults, then the user's pass-through properties (which may
     * override the defaults, e.g. {@code jdbc.RateLimitRetry=0}).
     */
    public Map<String, String> connectionProperties() {
        Map<String, String> props = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // Thrift explicitly (reserved: the error classification is built and tested on its failures): no
        // feature-flag lookup; no telemetry uploads from integration runtimes
        props.put("UseThriftClient", "1");
        props.put("EnableTelemetry", "0");
        props.put("UserAgentEntry", userAgentEntry);
        // Only the driver sees Retry-After (its exceptions carry the status, not the header). 429: the driver waits
        // it out within the producer's retry budget, which therefore bounds both. 503: the driver waits out a
        // Retry-After only while the total stays within one warehouse-state poll interval (it gives up at once on a
        // longer one); anything longer comes to the producer, which asks the warehouse state and waits for a
        // starting warehouse with progress in the log, or backs off for a running one. So a silent driver wait is
        // never longer than one progress interval, and the two never multiply beyond the budget.
        props.put("TemporarilyUnavailableRetry", "1");
        props.put("TemporarilyUnavailableRetryTimeout", String.valueOf(unavailableWindowSeconds));
        props.put("RateLimitRetry", "1");
        props.put("RateLimitRetryTimeout", String.valueOf(rateLimitWindowSeconds));
        if (catalog != null) {
            props.put("ConnCatalog", catalog);
        }
        if (schema != null) {
            props.put("ConnSchema", schema);
        }
        props.putAll(driverProperties);
        return props;
    }

    /** The warehouse id from the HTTP path. */
    public String warehouseId() {
        return WarehousePath.warehouseId(httpPath);
    }

    @Override
    public String toString() {
        return host.url() + httpPath;
    }
}
