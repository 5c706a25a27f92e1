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
package io.github.cameldatabricks.component.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * M2M tokens are refreshed ahead of expiry, off the exchange's path: once a token is stale but still valid, an exchange
 * is served with it while the refresh runs elsewhere — so even a failing token endpoint at that moment fails no
 * exchange. The component's clock is a ManualClock; LocalWarehouse's tokens last an hour in real time.
 */
class M2mTokenRefreshTest {

    private static final String SP = "5d0c9b8a-7f6e-4d5c-8b4a-3f2e1d0c9b8a";
    private static final String SECRET = "refresh-test-secret";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Test
    void aStaleTokenServesExchangesWhileTheRefreshRunsInTheBackground() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().accessTokenLifetime(Duration.ofHours(1)).addServicePrincipal(SP, SECRET, "refresh-test");
        ManualClock clock = new ManualClock();
        String uri = "databricks:SELECT current_user() AS u?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath="
                + w.httpPath() + "&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SECRET + ")"
                + "&maxRetries=0";
        try (CamelContext context = TestContexts.startedWith(Environment.empty(), c -> c.setClock(clock))) {
            ProducerTemplate template = context.createProducerTemplate();
            assertThat(template.requestBody(uri, (Object) null)).isEqualTo(SP);
            assertThat(issued()).isEqualTo(1);

            // 45 minutes on: stale (refreshed from 40 minutes on), not expired; the token endpoint fails once
            clock.advance(Duration.ofMinutes(45));
            w.faults().inject(Fault.serviceUnavailable(5).onlyFor("tokenRequest"), 1);
            assertThat(template.requestBody(uri, (Object) null)).as("served with the stale token").isEqualTo(SP);
            await().atMost(Duration.ofSeconds(30)).until(() -> refusedTokenRequests() == 1);
            assertThat(issued()).isEqualTo(1);
            assertThat(template.requestBody(uri, (Object) null)).isEqualTo(SP);

            // after the SDK's back-off the next exchange triggers another background refresh, which succeeds
            clock.advance(Duration.ofMinutes(2));
            assertThat(template.requestBody(uri, (Object) null)).isEqualTo(SP);
            await().atMost(Duration.ofSeconds(30)).until(() -> issued() == 2);

            // the new token is fresh: no more token requests, however many exchanges
            for (int i = 0; i < 20; i++) {
                assertThat(template.requestBody(uri, (Object) null)).isEqualTo(SP);
            }
            assertThat(issued()).isEqualTo(2);
            assertThat(refusedTokenRequests()).isEqualTo(1);
        }
    }

    private static long issued() {
        return WAREHOUSE.warehouse().oidc().tokensIssued("client_credentials");
    }

    private static long refusedTokenRequests() {
        return WAREHOUSE.audit().events(e -> e.actionName().equals("tokenRequest") && e.statusCode() == 503).size();
    }
}
