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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.audit.AuditLog;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseLifecycle;

/**
 * The admin endpoint, for tests in other processes: {@code POST /localwarehouse/admin/faults} with
 * {@code {"type":"SERVICE_UNAVAILABLE","times":3,"rpc":"ExecuteStatement","retryAfterSeconds":1,"millis":0}},
 * {@code DELETE /localwarehouse/admin/faults} (also resets the request latency and bandwidth),
 * {@code POST /localwarehouse/admin/latency} with {@code {"millis":50}} (the latency added to every SQL and REST
 * request), {@code GET /localwarehouse/admin/latency}, {@code POST /localwarehouse/admin/bandwidth} with
 * {@code {"bytesPerSecond":12500000,"totalBytesPerSecond":0}} (per connection and shared; 0: unlimited; either may be
 * left out), {@code GET /localwarehouse/admin/bandwidth} (the rates and {@code bytesSent}),
 * {@code GET /localwarehouse/admin/audit}, {@code POST /localwarehouse/admin/warehouse/start|stop}. Served on loopback
 * only, like the whole server.
 */
final class AdminRoute implements Route {

    static final String PREFIX = "/localwarehouse/admin";

    private final Faults faults;
    private final AuditLog audit;
    private final WarehouseLifecycle lifecycle;

    AdminRoute(Faults faults, AuditLog audit, WarehouseLifecycle lifecycle) {
        this.faults = faults;
        this.audit = audit;
        this.lifecycle = lifecycle;
    }

    @Override
    public boolean matches(String path) {
        return path.startsWith(PREFIX + "/");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(PREFIX.length());
        String method = ex.getRequestMethod();
        if (!addressedToLoopback(ex)) {
            // a web page the tester opens could reach this server through DNS rebinding: it would send its own
            // host name, never 127.0.0.1 or localhost with this port
            HttpResponses.error(ex, 403, "PERMISSION_DENIED", "The admin API answers only requests addressed to"
                    + " 127.0.0.1, localhost or [::1] on this port");
            return;
        }
        if ("POST".equals(method) && !isJson(ex)) {
            // a cross-site form or text/plain POST needs no CORS preflight; application/json does
            HttpResponses.error(ex, 415, "INVALID_PARAMETER_VALUE", "Admin POSTs need Content-Type: application/json");
            return;
        }
        switch (method + " " + path) {
            case "POST /faults" -> injectFault(ex);
            case "DELETE /faults" -> {
                faults.clear();
                HttpResponses.json(ex, 200, Map.of("pending", 0));
            }
            case "POST /latency" -> setLatency(ex);
            case "GET /latency" -> HttpResponses.json(ex, 200, Map.of("millis", faults.requestLatency().toMillis()));
            case "POST /bandwidth" -> setBandwidth(ex);
            case "GET /bandwidth" -> HttpResponses.json(ex, 200, bandwidthJson());
            case "GET /audit" -> HttpResponses.json(ex, 200, Map.of("events", auditJson()));
            case "POST /warehouse/start" -> {
                lifecycle.start();
                HttpResponses.json(ex, 200, Map.of("state", lifecycle.state().name()));
            }
            case "POST /warehouse/stop" -> {
                lifecycle.stop();
                HttpResponses.json(ex, 200, Map.of("state", lifecycle.state().name()));
            }
            default -> HttpResponses.error(ex, 404, "ENDPOINT_NOT_FOUND", "Unknown admin call " + method + " " + path);
        }
    }

    private static boolean addressedToLoopback(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        int port = ex.getLocalAddress().getPort();
        return host != null && (host.equalsIgnoreCase("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:" + port)
                || host.equalsIgnoreCase("[::1]:" + port));
    }

    private static boolean isJson(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private void injectFault(HttpExchange ex) throws IOException {
        JsonNode body;
        FaultType type;
        try {
            body = HttpResponses.JSON.readTree(ex.getRequestBody());
            type = FaultType.valueOf(body.path("type").asText());
        } catch (IOException | IllegalArgumentException e) {
            HttpResponses.error(ex, 400, "INVALID_PARAMETER_VALUE",
                    "Expected JSON {\"type\": one of " + List.of(FaultType.values()) + ", \"times\": n, ...}");
            return;
        }
        Integer retryAfter = body.hasNonNull("retryAfterSeconds") ? body.get("retryAfterSeconds").asInt() : null;
        String rpc = body.hasNonNull("rpc") ? body.get("rpc").asText() : null;
        Duration duration = Duration.ofMillis(body.path("millis").asLong(0));
        int times = body.path("times").asInt(1);
        faults.inject(new Fault(type, retryAfter, duration, rpc), Math.max(1, times));
        HttpResponses.json(ex, 200, Map.of("pending", faults.pending()));
    }

    private void setLatency(HttpExchange ex) throws IOException {
        long millis;
        try {
            JsonNode body = HttpResponses.JSON.readTree(ex.getRequestBody());
            if (body == null || !body.path("millis").canConvertToLong() || body.path("millis").asLong() < 0) {
                throw new IllegalArgumentException("millis");
            }
            millis = body.path("millis").asLong();
        } catch (IOException | IllegalArgumentException e) {
            HttpResponses.error(ex, 400, "INVALID_PARAMETER_VALUE", "Expected JSON {\"millis\": n} with n >= 0");
            return;
        }
        faults.setRequestLatency(Duration.ofMillis(millis));
        HttpResponses.json(ex, 200, Map.of("millis", millis));
    }

    private void setBandwidth(HttpExchange ex) throws IOException {
        JsonNode body;
        try {
            body = HttpResponses.JSON.readTree(ex.getRequestBody());
            if (body == null || !body.isObject() || !validRate(body, "bytesPerSecond")
                    || !validRate(body, "totalBytesPerSecond")) {
                throw new IllegalArgumentException("rates");
            }
        } catch (IOException | IllegalArgumentException e) {
            HttpResponses.error(ex, 400, "INVALID_PARAMETER_VALUE",
                    "Expected JSON {\"bytesPerSecond\": n, \"totalBytesPerSecond\": m} with n, m >= 0 (0: unlimited)");
            return;
        }
        if (body.has("bytesPerSecond")) {
            faults.setBandwidth(body.get("bytesPerSecond").asLong());
        }
        if (body.has("totalBytesPerSecond")) {
            faults.setTotalBandwidth(body.get("totalBytesPerSecond").asLong());
        }
        HttpResponses.json(ex, 200, bandwidthJson());
    }

    private static boolean validRate(JsonNode body, String field) {
        return !body.has(field) || body.get(field).canConvertToLong() && body.get(field).isIntegralNumber()
                && body.get(field).asLong() >= 0;
    }

    private Map<String, Object> bandwidthJson() {
        return Map.of("bytesPerSecond", faults.bandwidth().perConnection(),
                "totalBytesPerSecond", faults.bandwidth().total(), "bytesSent", faults.bandwidth().bytesSent());
    }

    private List<Map<String, Object>> auditJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEvent e : audit.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event_time", e.time().toString());
            m.put("principal", e.principal());
            m.put("auth_method", e.authMethod());
            m.put("user_agent", e.userAgent());
            m.put("service_name", e.serviceName());
            m.put("action_name", e.actionName());
            m.put("request_params", e.requestParams());
            m.put("status_code", e.statusCode());
            m.put("error_message", e.errorMessage());
            out.add(m);
        }
        return out;
    }
}
