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
package io.github.cameldatabricks.testkit.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.auth.AuthResult;
import io.github.cameldatabricks.testkit.auth.Authenticator;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseLifecycle;

/**
 * The SQL Warehouses REST API subset: {@code GET /api/2.0/sql/warehouses[/{id}]}, {@code POST .../{id}/start},
 * {@code POST .../{id}/stop}, with JSON shaped like the Databricks API.
 */
final class WarehousesApiRoute implements Route {

    private static final Pattern PATH = Pattern.compile("/api/2\\.0/sql/warehouses(?:/([^/]+)(?:/(start|stop))?)?/?");

    private final String warehouseId;
    private final String hostName;
    private final int port;
    private final String scheme;
    private final Authenticator authenticator;
    private final WarehouseLifecycle lifecycle;
    private final Faults faults;
    private final Auditor auditor;

    WarehousesApiRoute(String warehouseId, String hostName, int port, String scheme, Authenticator authenticator,
            WarehouseLifecycle lifecycle, Faults faults, Auditor auditor) {
        this.warehouseId = warehouseId;
        this.hostName = hostName;
        this.port = port;
        this.scheme = scheme;
        this.authenticator = authenticator;
        this.lifecycle = lifecycle;
        this.faults = faults;
        this.auditor = auditor;
    }

    @Override
    public boolean matches(String path) {
        return path.startsWith("/api/2.0/sql/warehouses");
    }

    @Override
    public boolean takesRequestLatency() {
        return true;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Matcher m = PATH.matcher(ex.getRequestURI().getPath());
        String id = m.matches() ? m.group(1) : null;
        String verb = m.matches() ? m.group(2) : null;
        String action = verb == null ? (id == null ? "listWarehouses" : "getWarehouse") : verb + "Warehouse";
        Auditor.Entry audit = auditor.begin(ex, "warehouses", action);
        try {
            AuthResult auth = authenticator.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
            if (!auth.accepted()) {
                audit.outcome(401, auth.reason());
                HttpResponses.error(ex, 401, "UNAUTHENTICATED", auth.reason());
                return;
            }
            audit.identity(auth.principal(), auth.method());
            Fault fault = faults.nextForRestRequest(action);
            if (fault != null) {
                int status = HttpResponses.faultStatus(ex, fault);
                audit.outcome(status, "injected fault " + fault.type());
                HttpResponses.error(ex, status, "TEMPORARILY_UNAVAILABLE", "Injected fault " + fault.type());
                return;
            }
            if (!m.matches() || (id != null && !id.equals(warehouseId))) {
                audit.outcome(404, "no such warehouse");
                HttpResponses.error(ex, 404, "RESOURCE_DOES_NOT_EXIST",
                        "Warehouse " + (id == null ? "" : id) + " does not exist.");
                return;
            }
            boolean post = "POST".equals(ex.getRequestMethod());
            if (verb != null && !post || verb == null && post) {
                audit.outcome(405, "method not allowed");
                HttpResponses.error(ex, 405, "METHOD_NOT_ALLOWED", "Method not allowed.");
                return;
            }
            if ("start".equals(verb)) {
                lifecycle.start();
            } else if ("stop".equals(verb)) {
                lifecycle.stop();
            }
            audit.outcome(200, null);
            if (verb != null) {
                HttpResponses.json(ex, 200, Map.of());
            } else if (id == null) {
                HttpResponses.json(ex, 200, Map.of("warehouses", List.of(describe())));
            } else {
                HttpResponses.json(ex, 200, describe());
            }
        } finally {
            audit.record();
        }
    }

    private Map<String, Object> describe() {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", warehouseId);
        w.put("name", "LocalWarehouse");
        w.put("state", lifecycle.state().name());
        w.put("cluster_size", "2X-Small");
        w.put("min_num_clusters", 1);
        w.put("max_num_clusters", 1);
        w.put("num_clusters", lifecycle.isRunning() ? 1 : 0);
        w.put("warehouse_type", "PRO");
        w.put("enable_serverless_compute", true);
        w.put("creator_name", "localwarehouse");
        w.put("odbc_params", Map.of("hostname", hostName, "path", "/sql/1.0/warehouses/" + warehouseId,
                "protocol", scheme, "port", port));
        w.put("health", Map.of("status", "HEALTHY"));
        return w;
    }
}
