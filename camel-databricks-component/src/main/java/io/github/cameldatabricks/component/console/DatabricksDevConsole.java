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
package io.github.cameldatabricks.component.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

import io.github.cameldatabricks.component.DatabricksComponent;
import io.github.cameldatabricks.component.DatabricksEndpoint;
import io.github.cameldatabricks.component.auth.OAuthCredentials;
import io.github.cameldatabricks.component.connection.ConnectionPools;
import io.github.cameldatabricks.component.connection.UserAgentEntriesInUse;
import io.github.cameldatabricks.component.connection.WarehouseTarget;
import io.github.cameldatabricks.component.health.WarehouseStateProbe;
import io.github.cameldatabricks.component.health.WarehouseStatus;
import io.github.cameldatabricks.component.stats.EndpointStatistics;

/**
 * The {@code databricks} dev console: per connection pool its warehouse, identity and connections; per OAuth identity
 * its token expiry and refreshes; the User-Agent entries in use; per endpoint its exchanges, retries, failures by
 * category and waits for a starting warehouse. It only reads what the component already holds: it makes no call to the
 * workspace and shows no token or secret, only auth modes and client ids.
 */
@DevConsole(name = "databricks", displayName = "Databricks",
        description = "Databricks SQL warehouse pools, OAuth identities, User-Agent entries and endpoint statistics")
public class DatabricksDevConsole extends AbstractDevConsole {

    public DatabricksDevConsole() {
        super("camel", "databricks", "Databricks",
                "Databricks SQL warehouse pools, OAuth identities, User-Agent entries and endpoint statistics");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        ConsoleModel model = ConsoleModel.of(getCamelContext());
        JsonObject root = new JsonObject();
        JsonArray pools = new JsonArray();
        for (ConnectionPools.PoolView pool : model.pools()) {
            JsonObject json = target(pool.target());
            json.put("pool", pool.name());
            json.put("authMode", pool.authMode());
            putIfPresent(json, "clientId", pool.principal());
            json.put("endpoints", pool.endpoints());
            json.put("active", pool.active());
            json.put("idle", pool.idle());
            json.put("waiting", pool.waiting());
            json.put("total", pool.total());
            json.put("maximum", pool.maximum());
            pools.add(json);
        }
        root.put("pools", pools);
        JsonArray identities = new JsonArray();
        for (OAuthCredentials identity : model.identities()) {
            JsonObject json = new JsonObject();
            json.put("authMode", identity.mode().option());
            json.put("clientId", identity.principal());
            json.put("host", identity.host());
            Instant expiry = identity.tokenExpiry();
            putIfPresent(json, "tokenExpiry", expiry == null ? null : expiry.toString());
            json.put("tokenRequests", identity.tokenRequests());
            json.put("tokenRefreshes", identity.tokenRefreshes());
            identities.add(json);
        }
        root.put("oauthIdentities", identities);
        root.put("userAgentEntries", new JsonArray(new ArrayList<>(UserAgentEntriesInUse.snapshot())));
        JsonArray endpoints = new JsonArray();
        for (DatabricksEndpoint endpoint : model.endpoints()) {
            JsonObject json = endpoint.getTarget() == null ? new JsonObject() : target(endpoint.getTarget());
            // the endpoint's shown URI: secret values are already masked in it
            json.put("uri", endpoint.getEndpointUri());
            EndpointStatistics stats = endpoint.getStatistics();
            json.put("exchanges", stats.exchanges());
            json.put("retries", stats.retries());
            json.put("coldStartWaits", stats.coldStartWaits());
            json.put("failed", stats.failed());
            JsonObject failures = new JsonObject();
            stats.failures().forEach((category, count) -> failures.put(category.value(), count));
            json.put("failures", failures);
            WarehouseStatus health = lastHealth(endpoint);
            if (health != null) {
                JsonObject reading = new JsonObject();
                putIfPresent(reading, "state", health.state());
                putIfPresent(reading, "problem", health.problem());
                reading.put("checkedAt", health.checkedAt().toString());
                json.put("lastHealthCheck", reading);
            }
            endpoints.add(json);
        }
        root.put("endpoints", endpoints);
        return root;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        ConsoleModel model = ConsoleModel.of(getCamelContext());
        StringBuilder sb = new StringBuilder();
        sb.append("Connection pools: ").append(model.pools().size()).append('\n');
        for (ConnectionPools.PoolView pool : model.pools()) {
            sb.append(String.format("    %s -> %s warehouse %s as %s%s (endpoints: %d)%n", pool.name(),
                    pool.target().host().url(), pool.target().warehouseId(), pool.authMode(),
                    pool.principal() == null ? "" : " client " + pool.principal(), pool.endpoints()));
            sb.append(String.format("        connections: active %d, idle %d, waiting %d, total %d of %d%n",
                    pool.active(), pool.idle(), pool.waiting(), pool.total(), pool.maximum()));
        }
        sb.append("OAuth identities: ").append(model.identities().size()).append('\n');
        for (OAuthCredentials identity : model.identities()) {
            sb.append(String.format("    %s client %s at %s: token expires %s, token requests %d, refreshes %d%n",
                    identity.mode().option(), identity.principal(), identity.host(),
                    identity.tokenExpiry() == null ? "(no token yet)" : identity.tokenExpiry(),
                    identity.tokenRequests(), identity.tokenRefreshes()));
        }
        sb.append("User-Agent entries in use: ").append(String.join(", ", UserAgentEntriesInUse.snapshot()))
                .append('\n');
        sb.append("Endpoints: ").append(model.endpoints().size()).append('\n');
        for (DatabricksEndpoint endpoint : model.endpoints()) {
            EndpointStatistics stats = endpoint.getStatistics();
            sb.append("    ").append(endpoint.getEndpointUri()).append('\n');
            sb.append(String.format("        exchanges %d, retries %d, cold-start waits %d, failed %d%s%n",
                    stats.exchanges(), stats.retries(), stats.coldStartWaits(), stats.failed(),
                    stats.failures().isEmpty() ? "" : " " + failures(stats)));
            WarehouseStatus health = lastHealth(endpoint);
            if (health != null) {
                sb.append(String.format("        last health check %s: %s%n", health.checkedAt(),
                        health.readable() ? health.state() : health.problem()));
            }
        }
        return sb.toString();
    }

    private static String failures(EndpointStatistics stats) {
        List<String> parts = new ArrayList<>();
        stats.failures().forEach((category, count) -> parts.add(category.value() + "=" + count));
        return "(" + String.join(", ", parts) + ")";
    }

    private static WarehouseStatus lastHealth(DatabricksEndpoint endpoint) {
        WarehouseStateProbe probe = endpoint.getHealthProbe();
        // the last reading only: looking at the console must not call the workspace
        return probe == null ? null : probe.lastStatus();
    }

    private static JsonObject target(WarehouseTarget target) {
        JsonObject json = new JsonObject();
        json.put("host", target.host().url());
        json.put("warehouseId", target.warehouseId());
        return json;
    }

    private static void putIfPresent(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    /** What the console shows, gathered once per call from every databricks component and endpoint. */
    private record ConsoleModel(List<ConnectionPools.PoolView> pools, List<OAuthCredentials> identities,
            List<DatabricksEndpoint> endpoints) {

        static ConsoleModel of(CamelContext context) {
            List<ConnectionPools.PoolView> pools = new ArrayList<>();
            List<OAuthCredentials> identities = new ArrayList<>();
            for (String name : context.getComponentNames()) {
                // hasComponent, not getComponent: looking must not create a component
                if (context.hasComponent(name) instanceof DatabricksComponent component) {
                    pools.addAll(component.getConnectionPools().views());
                    identities.addAll(component.getOAuthIdentities());
                }
            }
            List<DatabricksEndpoint> endpoints = new ArrayList<>();
            for (Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof DatabricksEndpoint databricks) {
                    endpoints.add(databricks);
                }
            }
            return new ConsoleModel(pools, identities, endpoints);
        }
    }
}
