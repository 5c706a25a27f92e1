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
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.oidc.TokenRequestGate;

/**
 * 10-second M2M access tokens, a pool of 3 and three threads sending exchanges without pause through 60 seconds of a
 * manual clock shared by the component and LocalWarehouse (which rejects expired tokens by that clock). Every token
 * request after the first is held at the token endpoint until the exchanges of the current step have completed: an
 * exchange that waited on a token request would never complete, so each step proves that exchanges carry on while the
 * refresh is outstanding.
 */
class ShortLivedTokenTest {

    private static final String SP = "5d4c3b2a-1908-4f7e-8d6c-5b4a39281716";
    private static final String SP_SECRET = "dose-short-lived-secret";
    private static final Duration LIFETIME = Duration.ofSeconds(10);
    private static final Duration RUNTIME = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofMillis(250);
    private static final int THREADS = 3;
    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10).clock(CLOCK));

    @Test
    void tenSecondTokensAreRenewedInTheBackgroundAtMostTwicePerLifetime() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().accessTokenLifetime(LIFETIME).addServicePrincipal(SP, SP_SECRET, "short-bot");
        TokenRequestGate gate = w.oidc().tokenRequestGate();
        CamelContext context = TestContexts.startedWith(Environment.empty(), c -> c.setClock(CLOCK));
        String uri = "databricks:SELECT 1 AS one?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath="
                + w.httpPath() + "&poolSize=3&maxRetries=0&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW("
                + SP_SECRET + ")";
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            long before = w.oidc().tokensIssued("client_credentials");
            // the first token is the one every client must wait for
            assertThat(context.createProducerTemplate().requestBody(uri, (Object) null)).isEqualTo(1);
            assertThat(w.oidc().tokensIssued("client_credentials") - before).isEqualTo(1);
            gate.hold(true);
            long exchanges = 0;
            int stepsWithHeldRequest = 0;
            for (Duration elapsed = Duration.ZERO; elapsed.compareTo(RUNTIME) < 0; elapsed = elapsed.plus(STEP)) {
                CLOCK.advance(STEP);
                List<Future<Exchange>> step = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    step.add(threads.submit(() -> {
                        ProducerTemplate template = context.createProducerTemplate();
                        return template.request(uri, e -> {
                        });
                    }));
                }
                for (Future<Exchange> sent : step) {
                    Exchange out;
                    try {
                        out = sent.get(30, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        throw new AssertionError("an exchange at +" + elapsed.plus(STEP) + " waited on the held token"
                                + " request (" + gate.waiting() + " held)");
                    }
                    if (out.getException() != null) {
                        fail("exchange at +" + elapsed.plus(STEP) + " failed", out.getException());
                    }
                    exchanges++;
                }
                stepsWithHeldRequest += releaseHeldRequest(w, gate);
            }
            stepsWithHeldRequest += releaseHeldRequest(w, gate);
            long tokens = w.oidc().tokensIssued("client_credentials") - before;
            long maxTokens = 2 * RUNTIME.toSeconds() / LIFETIME.toSeconds();
            assertThat(exchanges).isEqualTo(RUNTIME.dividedBy(STEP) * THREADS);
            assertThat(tokens).as("token requests for %s exchanges over %s", exchanges, RUNTIME)
                    .isBetween(RUNTIME.toSeconds() / LIFETIME.toSeconds(), maxTokens);
            assertThat(gate.held()).as("every renewal was a held background request").isEqualTo(tokens - 1);
            assertThat(stepsWithHeldRequest).as("steps whose exchanges completed during a renewal")
                    .isGreaterThanOrEqualTo((int) (tokens - 1));
        } finally {
            gate.hold(false);
            threads.shutdownNow();
            context.stop();
        }
    }

    /** Lets an outstanding token request through and waits until it was answered; 1 if there was one, else 0. */
    private static int releaseHeldRequest(LocalWarehouse w, TokenRequestGate gate) {
        if (gate.waiting() == 0) {
            return 0;
        }
        long issued = w.oidc().tokensIssued("client_credentials");
        gate.hold(false);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> w.oidc().tokensIssued("client_credentials") > issued);
        gate.hold(true);
        return 1;
    }
}
