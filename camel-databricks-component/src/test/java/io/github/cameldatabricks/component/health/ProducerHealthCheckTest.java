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
package io.github.cameldatabricks.component.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.DatabricksComponent;
import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseState;

/**
 * The producer health check against LocalWarehouse: it reads the warehouse state through the SQL Warehouses API
 * (counted in the audit as getWarehouse), never opens a SQL session (openSession) and never starts the warehouse; it
 * reports a stopped warehouse as the healthCheckStoppedWarehouse option says, and DOWN for credentials that cannot be
 * obtained or a workspace that cannot be reached. Its readings are cached on the component's clock, a manual one here,
 * so "within the cache time" involves no real waiting.
 */
class ProducerHealthCheckTest {

    static final String SP = "5b1e7c2d-8f90-4a1b-9c2d-3e4f5a6b7c8d";
    static final String SP_SECRET = "health-m2m-secret-canary";
    static final String WRONG_SECRET = "health-wrong-secret-canary";
    static final String WRONG_TOKEN = "dapi-health-wrong-token-canary";

    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder()
            .clock(CLOCK).startupTime(Duration.ZERO).startOnQuery(false).sampleRows(10));

    private CamelContext context;

    @BeforeAll
    static void registerServicePrincipal() {
        WAREHOUSE.warehouse().oidc().addServicePrincipal(SP, SP_SECRET, "health-bot");
    }

    @BeforeEach
    void runningWarehouse() {
        WAREHOUSE.warehouse().lifecycle().start();
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    private static String uri(String options) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "databricks:SELECT 1 AS one?host=" + w.baseUrl() + "&httpPath=" + w.httpPath() + options;
    }

    private static String pat() {
        return "&token=RAW(" + WAREHOUSE.warehouse().token() + ")";
    }

    /**
     * A started context whose route has a producer for {@code endpointUri} (started with the route, no exchange sent),
     * with Camel's producers health-check repository on, as camel.health.producersEnabled=true does.
     */
    private CamelContext started(String endpointUri, Consumer<DatabricksComponent> setUp) throws Exception {
        context = TestContexts.startedWith(Environment.empty(), component -> {
            component.setClock(CLOCK);
            setUp.accept(component);
        });
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        // every result, not only the DOWN ones of a DOWN whole (Camel's default exposure)
        HealthCheckHelper.getHealthCheckRegistry(context).setExposureLevel("full");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("health").to(endpointUri);
            }
        });
        return context;
    }

    private CamelContext started(String endpointUri) throws Exception {
        return started(endpointUri, component -> {
        });
    }

    private List<HealthCheck.Result> databricksResults() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:databricks-")).toList();
    }

    private HealthCheck.Result check() {
        List<HealthCheck.Result> results = databricksResults();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static long sessions() {
        return WAREHOUSE.audit().count("openSession");
    }

    private static long stateReads() {
        return WAREHOUSE.audit().count("getWarehouse");
    }

    private static void assertNoSecretIn(HealthCheck.Result result, String... secrets) {
        String shown = result.getDetails() + " " + result.getMessage().orElse("");
        for (String secret : secrets) {
            assertThat(shown).doesNotContain(secret);
        }
        assertThat(shown).doesNotContain(WAREHOUSE.warehouse().token());
    }

    @Test
    void aRunningWarehouseIsUpAndNoSqlSessionIsOpened() throws Exception {
        long sessionsBefore = sessions();
        long readsBefore = stateReads();
        started(uri(pat() + "&userAgentEntry=Acme_Health/1.0"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getCheck().getId()).startsWith("producer:databricks-" + WAREHOUSE.warehouse().warehouseId());
        assertThat(result.getCheck().isLiveness()).as("a warehouse is no reason to restart the JVM").isFalse();
        assertThat(result.getDetails()).containsEntry("warehouse.state", "RUNNING")
                .containsEntry("warehouse.id", WAREHOUSE.warehouse().warehouseId())
                .containsEntry("host", WAREHOUSE.warehouse().baseUrl()).containsEntry("auth.mode", "pat")
                .doesNotContainKey("client.id");
        assertNoSecretIn(result);
        assertThat(sessions()).as("SQL sessions opened by the health check").isEqualTo(sessionsBefore);
        assertThat(stateReads() - readsBefore).isEqualTo(1);
        // the state read carries the endpoint's User-Agent entry, like the component's other API calls
        assertThat(WAREHOUSE.audit().events("getWarehouse")).last()
                .satisfies(e -> assertThat(e.userAgent()).contains("partner/Acme_Health-1.0"));
    }

    @Test
    void aStoppedWarehouseIsUpWithItsStateInTheDetailsAndStaysStopped() throws Exception {
        WAREHOUSE.warehouse().lifecycle().stop();
        long startsBefore = WAREHOUSE.warehouse().lifecycle().starts();
        long startCallsBefore = WAREHOUSE.audit().count("startWarehouse");
        long sessionsBefore = sessions();
        started(uri(pat() + "&autoStartWarehouse=true"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("warehouse.state", "STOPPED");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("is STOPPED")
                .contains("healthCheckStoppedWarehouse=UP"));
        assertThat(WAREHOUSE.warehouse().lifecycle().state()).isEqualTo(WarehouseState.STOPPED);
        assertThat(WAREHOUSE.warehouse().lifecycle().starts()).isEqualTo(startsBefore);
        assertThat(WAREHOUSE.audit().count("startWarehouse")).isEqualTo(startCallsBefore);
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    @Test
    void aStoppedWarehouseIsDownWhenTheOptionSaysSo() throws Exception {
        WAREHOUSE.warehouse().lifecycle().stop();
        long sessionsBefore = sessions();
        started(uri(pat() + "&healthCheckStoppedWarehouse=DOWN"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("warehouse.state", "STOPPED");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("is STOPPED")
                .contains("healthCheckStoppedWarehouse=DOWN"));
        assertThat(WAREHOUSE.warehouse().lifecycle().state()).isEqualTo(WarehouseState.STOPPED);
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    @Test
    void aServicePrincipalIsShownByItsClientIdAndNeverBySecret() throws Exception {
        long sessionsBefore = sessions();
        started(uri("&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("auth.mode", "oauth-m2m").containsEntry("client.id", SP)
                .containsEntry("warehouse.state", "RUNNING");
        assertNoSecretIn(result, SP_SECRET);
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    @Test
    void aRejectedClientSecretIsDownBecauseNoTokenCanBeObtained() throws Exception {
        long sessionsBefore = sessions();
        long readsBefore = stateReads();
        started(uri("&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + WRONG_SECRET + ")"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("the credentials could not be obtained").contains("authentication"));
        assertThat(result.getDetails()).containsEntry("error.category", "authentication")
                .containsEntry("client.id", SP).doesNotContainKey("warehouse.state");
        assertNoSecretIn(result, WRONG_SECRET, SP_SECRET);
        assertThat(stateReads()).as("no API call without a token").isEqualTo(readsBefore);
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    /** A U2M identity nobody has signed in for yet: the check never opens a browser or waits for a sign-in. */
    @Test
    void aU2mIdentityWithoutASignInIsDownAndStartsNoSignIn() throws Exception {
        WAREHOUSE.warehouse().oidc().addOAuthApp("health-u2m-app", null, "http://localhost:8765/callback");
        long authorizeBefore = WAREHOUSE.audit().count("authorize");
        started(uri("&authMode=oauth-u2m&clientId=health-u2m-app&redirectUri=http://localhost:8765/callback"
                + "&tokenCacheDirectory=none&browserCommand=none"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("the credentials could not be obtained").contains("authentication"));
        assertThat(result.getDetails()).containsEntry("auth.mode", "oauth-u2m")
                .containsEntry("client.id", "health-u2m-app");
        assertThat(WAREHOUSE.audit().count("authorize")).isEqualTo(authorizeBefore);
    }

    @Test
    void aRejectedTokenIsDown() throws Exception {
        long sessionsBefore = sessions();
        started(uri("&token=RAW(" + WRONG_TOKEN + ")"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("the SQL Warehouses API did not answer").contains("(authentication)")
                .contains("rejected the access token (HTTP 401)"));
        assertNoSecretIn(result, WRONG_TOKEN);
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    @Test
    void anUnavailableTokenEndpointIsDown() throws Exception {
        WAREHOUSE.warehouse().faults().inject(Fault.serviceUnavailable(5).onlyFor("tokenRequest"), 1);
        long readsBefore = stateReads();
        started(uri("&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")"));
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("the credentials could not be obtained").contains("HTTP 503"));
        assertNoSecretIn(result, SP_SECRET);
        assertThat(stateReads()).isEqualTo(readsBefore);
    }

    @Test
    void aWarehouseThatDoesNotExistIsDown() throws Exception {
        long sessionsBefore = sessions();
        started("databricks:SELECT 1?host=" + WAREHOUSE.warehouse().baseUrl() + "&warehouseId=0000000000000000"
                + pat());
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("error.category", "not_found")
                .containsEntry("warehouse.id", "0000000000000000");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("the warehouse does not exist (HTTP 404)"));
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    @Test
    void anUnreachableWorkspaceIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        started("databricks:SELECT 1?host=http://127.0.0.1:" + closedPort + "&httpPath="
                + WAREHOUSE.warehouse().httpPath() + pat());
        HealthCheck.Result result = check();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("the SQL Warehouses API did not answer").contains("(network)")
                .contains("could not reach the workspace").doesNotContain("OAuth"));
        assertThat(result.getDetails()).containsEntry("error.category", "network")
                .containsEntry("host", "http://127.0.0.1:" + closedPort);
        assertNoSecretIn(result);
    }

    @Test
    void probesWithinTheCacheTimeShareOneApiCall() throws Exception {
        started(uri(pat() + "&healthCheckCacheTime=30s"));
        long readsBefore = stateReads();
        for (int i = 0; i < 10; i++) {
            assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
            CLOCK.advance(Duration.ofSeconds(2));
        }
        // 10 probes over 20 s of the component's clock
        assertThat(stateReads() - readsBefore).isEqualTo(1);
        CLOCK.advance(Duration.ofSeconds(10));
        // 30 s after the reading: the next probe reads again, and sees a change
        WAREHOUSE.warehouse().lifecycle().stop();
        assertThat(check().getDetails()).containsEntry("warehouse.state", "STOPPED");
        assertThat(stateReads() - readsBefore).isEqualTo(2);
    }

    @Test
    void failuresAreCachedToo() throws Exception {
        started(uri("&token=RAW(" + WRONG_TOKEN + ")"));
        long readsBefore = stateReads();
        for (int i = 0; i < 5; i++) {
            assertThat(check().getState()).isEqualTo(HealthCheck.State.DOWN);
        }
        assertThat(stateReads() - readsBefore).isEqualTo(1);
    }

    @Test
    void healthCheckProducerEnabledFalseTurnsTheCheckOffWithoutAnyCall() throws Exception {
        long readsBefore = stateReads();
        started(uri(pat()), component -> component.setHealthCheckProducerEnabled(false));
        List<HealthCheck.Result> results = databricksResults();
        assertThat(results).allSatisfy(r -> assertThat(r.getCheck().isEnabled()).isFalse());
        assertThat(stateReads()).isEqualTo(readsBefore);
    }

    @Test
    void theCheckGoesAwayWithTheProducer() throws Exception {
        started(uri(pat()));
        assertThat(databricksResults()).hasSize(1);
        context.getRouteController().stopRoute("health");
        context.removeRoute("health");
        assertThat(databricksResults()).isEmpty();
    }

    /** The consumer side is Camel's own check of a scheduled polling consumer: the outcome of its last poll. */
    @Test
    void theConsumerHealthCheckReportsTheLastPoll() throws Exception {
        started(uri(pat()));
        // what camel.health.consumersEnabled=true (camel-main's default) sets up
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        MockEndpoint rows = context.getEndpoint("mock:rows", MockEndpoint.class);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(pat() + "&initialDelay=0&delay=86400000")).routeId("poller").to("mock:rows");
                from(uri("&token=RAW(" + WRONG_TOKEN + ")&initialDelay=0&delay=86400000")).routeId("rejected")
                        .to("mock:rows");
            }
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rows.getReceivedCounter()).isEqualTo(1);
            assertThat(consumer("poller").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(consumer("rejected").getState()).isEqualTo(HealthCheck.State.DOWN);
        });
        assertNoSecretIn(consumer("rejected"), WRONG_TOKEN);
    }

    private HealthCheck.Result consumer(String routeId) {
        List<HealthCheck.Result> results = List.copyOf(HealthCheckHelper.invokeReadiness(context));
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer:" + routeId + " in " + results.stream()
                        .map(r -> r.getCheck().getId() + "=" + r.getState()).toList()));
    }
}
