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
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.component.LogCapture;
import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksAuthenticationException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.oidc.FederationPolicy;
import io.github.cameldatabricks.testkit.oidc.Oidc;
import io.github.cameldatabricks.testkit.oidc.TestIdentityProvider;
import io.github.cameldatabricks.testkit.oidc.TokenRequestGate;

/**
 * OAuth token federation end to end against LocalWarehouse: a workload identity provider issues RS256 JWTs, a
 * federation policy admits the workload as a service principal (or account-wide), and routes exchange the JWT for
 * Databricks tokens. Time is a manual clock shared by the component, LocalWarehouse and the identity provider.
 */
class OAuthFederationTest {

    private static final String SP = "3c2b1a09-8f7e-4d6c-9b5a-4a3928171605";
    private static final String AUDIENCE = "https://kubernetes.default.svc/databricks";
    private static final String SUBJECT = "system:serviceaccount:etl:camel-route";
    /** Every JWT starts with the encoding of <code>{"</code>: workload tokens and Databricks tokens alike. */
    private static final String JWT_START = "eyJ";
    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10).clock(CLOCK));

    @TempDir
    Path directory;

    @AfterEach
    void clearPolicies() {
        WAREHOUSE.warehouse().oidc().clearFederationPolicies().accessTokenLifetime(Duration.ofHours(1));
        WAREHOUSE.warehouse().oidc().tokenRequestGate().hold(false);
    }

    private static TestIdentityProvider identityProviderWithPolicy() {
        TestIdentityProvider idp = WAREHOUSE.warehouse().startIdentityProvider();
        WAREHOUSE.warehouse().oidc().addFederationPolicy(FederationPolicy.forServicePrincipal(SP, idp.issuer(),
                AUDIENCE, SUBJECT));
        return idp;
    }

    private static String endpoint(String options) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "databricks:SELECT current_user() AS u?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath="
                + w.httpPath() + options;
    }

    /**
     * The issue's soak: the workload token file is rewritten every 20 s with a 30 s token (as the kubelet rotates a
     * projected token, only faster), Databricks tokens live 60 s, and two threads send exchanges without pause for 3
     * minutes. Renewals are held at the token endpoint until the step's exchanges completed, so none waits on one.
     */
    @Test
    void aRotatingTokenFileCarriesThreeMinutesOfExchangesWithOneExchangePerTokenLifetime() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        Duration databricksLifetime = Duration.ofSeconds(60);
        Duration runtime = Duration.ofMinutes(3);
        Duration step = Duration.ofMillis(500);
        Duration rotation = Duration.ofSeconds(20);
        Duration workloadLifetime = Duration.ofSeconds(30);
        int threads = 2;
        w.oidc().accessTokenLifetime(databricksLifetime);
        TestIdentityProvider idp = identityProviderWithPolicy();
        Path tokenFile = directory.resolve("databricks-token");
        Files.writeString(tokenFile, idp.issue(SUBJECT, AUDIENCE, workloadLifetime));
        TokenRequestGate gate = w.oidc().tokenRequestGate();
        AtomicLong exchanges = new AtomicLong();
        long before = w.oidc().tokensIssued(Oidc.TOKEN_EXCHANGE_GRANT);
        java.util.function.Predicate<io.github.cameldatabricks.testkit.audit.AuditEvent> exchangedForSp = e -> e
                .actionName().equals("tokenRequest") && e.statusCode() == 200 && SP.equals(e.principal());
        int exchangesAuditedBefore = w.audit().events(exchangedForSp).size();
        long[] renewalsHeldAcrossAStep = new long[1];
        String logs = LogCapture.during(() -> {
            CamelContext context = TestContexts.startedWith(Environment.empty(), c -> c.setClock(CLOCK));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            String uri = endpoint("&authMode=oauth-federation&clientId=" + SP + "&idTokenFile=" + tokenFile
                    + "&poolSize=2&maxRetries=0");
            try {
                assertThat(context.createProducerTemplate().requestBody(uri, (Object) null)).isEqualTo(SP);
                gate.hold(true);
                Duration sinceRotation = Duration.ZERO;
                for (Duration elapsed = Duration.ZERO; elapsed.compareTo(runtime) < 0; elapsed = elapsed.plus(step)) {
                    CLOCK.advance(step);
                    sinceRotation = sinceRotation.plus(step);
                    if (sinceRotation.compareTo(rotation) >= 0) {
                        Files.writeString(tokenFile, idp.issue(SUBJECT, AUDIENCE, workloadLifetime));
                        sinceRotation = Duration.ZERO;
                    }
                    List<Future<Exchange>> sent = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        sent.add(pool.submit(() -> context.createProducerTemplate().request(uri, e -> {
                        })));
                    }
                    for (Future<Exchange> f : sent) {
                        Exchange out;
                        try {
                            out = f.get(30, TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
                            throw new AssertionError("an exchange at +" + elapsed.plus(step) + " waited on the held"
                                    + " token exchange");
                        }
                        if (out.getException() != null) {
                            fail("exchange at +" + elapsed.plus(step) + " failed", out.getException());
                        }
                        assertThat(out.getMessage().getBody()).isEqualTo(SP);
                        exchanges.incrementAndGet();
                    }
                    renewalsHeldAcrossAStep[0] += releaseHeldRequest(w, gate);
                }
                renewalsHeldAcrossAStep[0] += releaseHeldRequest(w, gate);
            } catch (java.io.IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError(e);
            } finally {
                gate.hold(false);
                pool.shutdownNow();
                context.stop();
            }
        });
        long tokenExchanges = w.oidc().tokensIssued(Oidc.TOKEN_EXCHANGE_GRANT) - before;
        long lifetimes = runtime.toSeconds() / databricksLifetime.toSeconds();
        assertThat(exchanges.get()).as("exchanges, none failed").isEqualTo(runtime.dividedBy(step) * threads);
        assertThat(tokenExchanges).as("token exchanges for %s route exchanges over %s", exchanges.get(), runtime)
                .isBetween(lifetimes, 2 * lifetimes + 1);
        assertThat(gate.held()).as("every renewal was a held background exchange").isEqualTo(tokenExchanges - 1);
        assertThat(renewalsHeldAcrossAStep[0]).isEqualTo(tokenExchanges - 1);
        assertThat(idp.tokensIssued()).as("the file was rotated").isGreaterThanOrEqualTo(runtime.dividedBy(rotation));
        assertThat(w.audit().events(e -> e.actionName().equals("commandSubmit") && SP.equals(e.principal())))
                .hasSizeGreaterThanOrEqualTo((int) exchanges.get())
                .allSatisfy(e -> assertThat(e.authMethod()).isEqualTo("oauth-federation"));
        assertThat(w.audit().events(exchangedForSp)).hasSize(exchangesAuditedBefore + (int) tokenExchanges)
                .allSatisfy(e -> assertThat(e.requestParams()).containsEntry("subject_token_subject", SUBJECT));
        assertThat(logs).as("the route logged").contains("oauth-federation");
        assertThat(logs).as("no JWT in any log line").doesNotContain(JWT_START);
    }

    /** Lets a held token exchange through and waits until it was answered; 1 if there was one, else 0. */
    private static int releaseHeldRequest(LocalWarehouse w, TokenRequestGate gate) {
        if (gate.waiting() == 0) {
            return 0;
        }
        long answered = w.audit().count("tokenRequest");
        gate.hold(false);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> w.audit().count("tokenRequest") > answered);
        gate.hold(true);
        return 1;
    }

    @Test
    void theTokenFromAnEnvironmentVariableNamedByDatabricksOidcTokenEnv() {
        TestIdentityProvider idp = identityProviderWithPolicy();
        CamelContext context = TestContexts.startedWith(Environment.of(Map.of("APP_AUTH_TYPE", "oauth_federation",
                "DATABRICKS_CLIENT_ID", SP, "DATABRICKS_OIDC_TOKEN_ENV", "CI_ID_TOKEN", "CI_ID_TOKEN",
                idp.issue(SUBJECT, AUDIENCE, Duration.ofMinutes(10)))), c -> c.setClock(CLOCK));
        try {
            assertThat(context.createProducerTemplate().requestBody(endpoint(""), (Object) null)).isEqualTo(SP);
        } finally {
            context.stop();
        }
    }

    @Test
    void accountWideFederationFromDatabricksOidcTokenActsAsTheTokensSubject() {
        TestIdentityProvider idp = WAREHOUSE.warehouse().startIdentityProvider();
        WAREHOUSE.warehouse().oidc().addFederationPolicy(FederationPolicy.accountWide(idp.issuer(), "databricks"));
        // the workload token variable alone selects the mode: it is the only flow in the environment
        CamelContext context = TestContexts.startedWith(Environment.of(Map.of("DATABRICKS_OIDC_TOKEN",
                idp.issue("analyst@acme.com", "databricks", Duration.ofMinutes(10)))), c -> c.setClock(CLOCK));
        try {
            assertThat(context.createProducerTemplate().requestBody(endpoint(""), (Object) null))
                    .isEqualTo("analyst@acme.com");
        } finally {
            context.stop();
        }
    }

    @Test
    void anExpiredWorkloadTokenFailsOnTheFirstAttemptNamingTheRotation() throws Exception {
        TestIdentityProvider idp = identityProviderWithPolicy();
        String expired = idp.issue(SUBJECT, AUDIENCE, CLOCK.instant().minusSeconds(600), Duration.ofSeconds(60));
        assertRefusedOnFirstAttempt(expired, "&clientId=" + SP, "expired", "projected serviceAccountToken");
    }

    @Test
    void aWrongAudienceFailsOnTheFirstAttemptNamingTheAudience() throws Exception {
        TestIdentityProvider idp = identityProviderWithPolicy();
        assertRefusedOnFirstAttempt(idp.issue(SUBJECT, "https://kubernetes.default.svc", Duration.ofMinutes(5)),
                "&clientId=" + SP, "audience [https://kubernetes.default.svc]", "serviceAccountToken.audience");
    }

    @Test
    void anUnknownIssuerFailsOnTheFirstAttemptNamingThePolicyToCreate() throws Exception {
        identityProviderWithPolicy();
        TestIdentityProvider stranger = WAREHOUSE.warehouse().startIdentityProvider();
        assertRefusedOnFirstAttempt(stranger.issue(SUBJECT, AUDIENCE, Duration.ofMinutes(5)), "&clientId=" + SP,
                "issuer '" + stranger.issuer() + "'", "Create a federation policy of service principal " + SP);
    }

    @Test
    void aSubjectThePolicyDoesNotAllowFailsOnTheFirstAttemptNamingTheSubject() throws Exception {
        TestIdentityProvider idp = identityProviderWithPolicy();
        assertRefusedOnFirstAttempt(idp.issue("system:serviceaccount:etl:other", AUDIENCE, Duration.ofMinutes(5)),
                "&clientId=" + SP, "subject 'system:serviceaccount:etl:other'", "Set the policy's subject");
    }

    private void assertRefusedOnFirstAttempt(String jwt, String options, String cause, String fix) throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        Path tokenFile = directory.resolve("token-" + System.nanoTime());
        Files.writeString(tokenFile, jwt);
        long requestsBefore = w.audit().count("tokenRequest");
        Throwable[] failure = new Throwable[1];
        String logs = LogCapture.during(() -> {
            CamelContext context = TestContexts.startedWith(Environment.empty(), c -> c.setClock(CLOCK));
            try {
                // default retries: an authentication failure is not retried
                failure[0] = catchThrowable(() -> context.createProducerTemplate().requestBody(endpoint(
                        "&authMode=oauth-federation&idTokenFile=" + tokenFile + options), (Object) null));
            } finally {
                context.stop();
            }
        });
        assertThat(failure[0]).isNotNull();
        assertThat(failure[0].getCause()).isInstanceOf(DatabricksAuthenticationException.class);
        assertThat(failure[0].getCause().getMessage()).contains("OAuth token federation").contains(cause)
                .contains(fix).contains(tokenFile.toString()).doesNotContain(JWT_START);
        assertThat(w.audit().count("tokenRequest") - requestsBefore).as("one token exchange: the first attempt")
                .isEqualTo(1);
        assertThat(logs).doesNotContain(JWT_START);
    }
}
