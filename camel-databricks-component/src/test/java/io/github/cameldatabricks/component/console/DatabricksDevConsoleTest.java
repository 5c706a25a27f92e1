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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.DatabricksComponent;
import io.github.cameldatabricks.component.DatabricksConstants;
import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseState;

/**
 * The databricks dev console, resolved through Camel's DevConsoleRegistry as Camel's tooling does, after a known set of
 * exchanges: a cold start, a retried 503, failures of a missing table, and a service principal's route whose token
 * expires and is renewed. The warehouse starts stopped and takes 10 s to start, on a manual clock that the component's
 * sleeper advances.
 */
@SuppressWarnings("unchecked")
class DatabricksDevConsoleTest {

    static final String SP = "7c3d9e1f-2a4b-4c5d-8e6f-7a8b9c0d1e2f";
    static final String SP_SECRET = "console-m2m-secret-canary";
    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder()
            .clock(CLOCK).initialState(WarehouseState.STOPPED).startOnQuery(false)
            .startupTime(Duration.ofSeconds(10)).sampleRows(10));

    private static CamelContext context;
    private static JsonObject json;
    private static String text;

    @BeforeAll
    static void runExchangesAndCallTheConsole() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().addServicePrincipal(SP, SP_SECRET, "console-bot");
        context = TestContexts.startedWith(Environment.empty(), component -> {
            component.setClock(CLOCK);
            component.setSleeper(CLOCK::advance);
            component.setRandom(() -> 0.5);
            component.getConfiguration().setHost(w.baseUrl());
            component.getConfiguration().setHttpPath(w.httpPath());
            component.getConfiguration().setUserAgentEntry("Acme_Console/1.0");
        });
        String pat = "&token=RAW(" + w.token() + ")";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:count").to("databricks:SELECT count(*) AS n FROM samples.nyctaxi.trips"
                        + "?outputType=SelectOne&autoStartWarehouse=true&warehouseStatePollInterval=5000"
                        + "&retryInitialDelay=10" + pat);
                from("direct:missing").to("databricks:SELECT * FROM main.default.no_such_table?maxRetries=0" + pat);
                from("direct:whoami").to("databricks:SELECT current_user() AS u?outputType=SelectOne"
                        + "&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")");
            }
        });
        ProducerTemplate template = context.createProducerTemplate();
        // 1: the warehouse is stopped; the exchange starts it and waits 10 s of the manual clock
        assertThat(template.requestBody("direct:count", (Object) null)).isEqualTo(10L);
        // 2: one 503 (no Retry-After) on a running warehouse: retried once after a back-off
        w.faults().inject(Fault.serviceUnavailableWithoutRetryAfter().onlyFor("ExecuteStatement"), 1);
        Exchange retried = template.request("direct:count", e -> {
        });
        assertThat(retried.getMessage().getHeader(DatabricksConstants.ATTEMPTS)).isEqualTo(2);
        // 3: plain
        assertThat(template.requestBody("direct:count", (Object) null)).isEqualTo(10L);
        for (int i = 0; i < 2; i++) {
            assertThat(catchThrowable(() -> template.requestBody("direct:missing", (Object) null))).isNotNull();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(template.requestBody("direct:whoami", (Object) null)).isEqualTo(SP);
        }
        // two hours later the 1-hour token has expired: the next exchange renews it
        CLOCK.advance(Duration.ofHours(2));
        assertThat(template.requestBody("direct:whoami", (Object) null)).isEqualTo(SP);
        // one health check reading, which the console shows without making another
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckHelper.invokeReadiness(context);

        DevConsole console = DevConsoleRegistry.get(context).resolveById("databricks");
        assertThat(console).isInstanceOf(DatabricksDevConsole.class);
        json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
        text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    private static JsonObject endpoint(String uriPart) {
        return json.getCollection("endpoints").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("uri").contains(uriPart)).findFirst().orElseThrow();
    }

    @Test
    void endpointsShowTheirExchangesRetriesColdStartWaitsAndFailures() {
        JsonObject count = endpoint("trips");
        assertThat(count.getLong("exchanges")).isEqualTo(3);
        assertThat(count.getLong("retries")).isEqualTo(1);
        assertThat(count.getLong("coldStartWaits")).isEqualTo(1);
        assertThat(count.getLong("failed")).isZero();
        assertThat(count.getString("warehouseId")).isEqualTo(WAREHOUSE.warehouse().warehouseId());
        assertThat((Map<Object, Object>) count.get("lastHealthCheck")).containsEntry("state", "RUNNING");
        JsonObject missing = endpoint("no_such_table");
        assertThat(missing.getLong("exchanges")).isEqualTo(2);
        assertThat(missing.getLong("retries")).isZero();
        assertThat(missing.getLong("failed")).isEqualTo(2);
        assertThat((Map<?, ?>) missing.get("failures")).isEqualTo(Map.of("not_found", 2L));
    }

    @Test
    void poolsShowTargetIdentityAndConnections() {
        List<JsonObject> pools = json.getCollection("pools").stream().map(JsonObject.class::cast).toList();
        assertThat(pools).hasSize(2).allSatisfy(p -> {
            assertThat(p.getString("host")).isEqualTo(WAREHOUSE.warehouse().baseUrl());
            assertThat(p.getString("warehouseId")).isEqualTo(WAREHOUSE.warehouse().warehouseId());
            assertThat(p.getInteger("active")).as("no exchange in flight").isZero();
            assertThat(p.getInteger("waiting")).isZero();
            assertThat(p.getInteger("total")).isEqualTo(p.getInteger("active") + p.getInteger("idle"))
                    .isBetween(1, p.getInteger("maximum"));
        });
        JsonObject pat = pools.stream().filter(p -> p.getString("authMode").equals("pat")).findFirst().orElseThrow();
        assertThat(pat.getInteger("endpoints")).as("count and missing share it").isEqualTo(2);
        assertThat(pat).doesNotContainKey("clientId");
        JsonObject m2m = pools.stream().filter(p -> p.getString("authMode").equals("oauth-m2m")).findFirst()
                .orElseThrow();
        assertThat(m2m.getString("clientId")).isEqualTo(SP);
        assertThat(m2m.getInteger("endpoints")).isEqualTo(1);
    }

    @Test
    void oauthIdentitiesShowTokenExpiryAndRequests() {
        JsonArray identities = json.getCollection("oauthIdentities");
        assertThat(identities).hasSize(1);
        JsonObject sp = (JsonObject) identities.get(0);
        assertThat(sp.getString("authMode")).isEqualTo("oauth-m2m");
        assertThat(sp.getString("clientId")).isEqualTo(SP);
        assertThat(sp.getString("host")).isEqualTo(WAREHOUSE.warehouse().baseUrl());
        assertThat(sp.getLong("tokenRequests")).as("the first token, and one renewal after it expired")
                .isEqualTo(2);
        assertThat(sp.getLong("tokenRefreshes")).isEqualTo(1);
        assertThat(endpoint("current_user").getLong("exchanges")).isEqualTo(3);
        assertThat(Instant.parse(sp.getString("tokenExpiry"))).isAfter(CLOCK.instant());
    }

    @Test
    void userAgentEntriesInUseAreListed() {
        assertThat((List<Object>) json.get("userAgentEntries")).contains("Acme_Console/1.0");
    }

    @Test
    void theTextFormSaysTheSame() {
        assertThat(text).contains("Connection pools: 2").contains("OAuth identities: 1")
                .contains("oauth-m2m client " + SP).contains("token requests 2, refreshes 1")
                .contains("Acme_Console/1.0").contains("exchanges 3, retries 1, cold-start waits 1, failed 0")
                .contains("exchanges 2, retries 0, cold-start waits 0, failed 2 (not_found=2)")
                .contains("last health check").contains("RUNNING");
    }

    @Test
    void noSecretIsShown() {
        String all = json.toJson() + "\n" + text;
        assertThat(all).doesNotContain(WAREHOUSE.warehouse().token()).doesNotContain(SP_SECRET);
        // nor the M2M access token the route used
        String accessToken = context.getComponent("databricks", DatabricksComponent.class).getOAuthIdentities()
                .get(0).accessToken();
        assertThat(accessToken).isNotBlank();
        assertThat(all).doesNotContain(accessToken);
    }
}
