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

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * With 60-second access tokens, an M2M route and a U2M route run side by side for three minutes (system property
 * soak.seconds) with pools of three connections: no exchange is lost, and the token requests stay a handful. Real time
 * on purpose: it is the behaviour across real token expiry that is under test.
 */
class TokenExpirySoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(TokenExpirySoakTest.class);
    private static final int SECONDS = Integer.getInteger("soak.seconds", 180);
    private static final String SP = "0b6c1e7a-5f0d-4c2b-9e8d-7a6b5c4d3e2f";
    private static final String SP_SECRET = "soak-sp-secret";
    private static final String APP = "soak-u2m-app";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @TempDir
    Path cacheDir;

    private record Outcome(long sent, long failed) {
    }

    @Test
    void m2mAndU2mRoutesLoseNoExchangeAcrossTokenExpiry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().accessTokenLifetime(Duration.ofSeconds(60)).addServicePrincipal(SP, SP_SECRET, "soak-bot")
                .addOAuthApp(APP, null, "http://localhost:" + port + "/callback").autoApprove(true)
                .signedInUser("soak-user@example.com");
        HttpBrowser browser = new HttpBrowser();
        CamelContext context = TestContexts.startedWith(Environment.empty(),
                component -> component.setBrowserLauncher(browser));
        String common = "databricks:SELECT current_user() AS u?outputType=SelectOne&host=" + w.baseUrl()
                + "&httpPath=" + w.httpPath() + "&poolSize=3&maxRetries=0";
        String m2m = common + "&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")";
        String u2m = common + "&authMode=oauth-u2m&clientId=" + APP + "&redirectUri=http://localhost:" + port
                + "/callback&tokenCacheDirectory=" + cacheDir;
        ExecutorService threads = Executors.newFixedThreadPool(6);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Future<Outcome>> m2mRuns = new ArrayList<>();
        List<Future<Outcome>> u2mRuns = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                m2mRuns.add(threads.submit(() -> run(context.createProducerTemplate(), m2m, SP, deadline)));
                u2mRuns.add(threads.submit(() -> run(context.createProducerTemplate(), u2m, "soak-user@example.com",
                        deadline)));
            }
            Outcome m2mTotal = total(m2mRuns);
            Outcome u2mTotal = total(u2mRuns);
            long clientCredentials = w.oidc().tokensIssued("client_credentials");
            long refreshes = w.oidc().tokensIssued("refresh_token");
            long codes = w.oidc().tokensIssued("authorization_code");
            LOG.info("Token soak over {} s with 60 s tokens and pools of 3: M2M {} exchanges, {} failed, {} token"
                    + " requests; U2M {} exchanges, {} failed, {} sign-in(s) and {} refreshes", SECONDS,
                    m2mTotal.sent(), m2mTotal.failed(), clientCredentials, u2mTotal.sent(), u2mTotal.failed(), codes,
                    refreshes);
            assertThat(m2mTotal.failed()).as("M2M exchanges lost").isZero();
            assertThat(u2mTotal.failed()).as("U2M exchanges lost").isZero();
            assertThat(m2mTotal.sent()).isGreaterThan(SECONDS);
            assertThat(u2mTotal.sent()).isGreaterThan(SECONDS);
            // refreshed ahead of expiry (half-way), so about one request per 30 s, however many exchanges ran
            long expected = SECONDS / 30 + 2;
            assertThat(clientCredentials).isBetween(SECONDS >= 120 ? 2L : 1L, expected);
            assertThat(codes).as("one consent").isEqualTo(1);
            assertThat(refreshes).isBetween(SECONDS >= 120 ? 1L : 0L, expected);
            assertThat(browser.opened).hasSize(1);
        } finally {
            threads.shutdownNow();
            context.stop();
        }
    }

    private static Outcome run(ProducerTemplate template, String uri, String expectedUser, long deadline)
            throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        while (System.nanoTime() < deadline) {
            sent.incrementAndGet();
            try {
                if (!expectedUser.equals(template.requestBody(uri, (Object) null))) {
                    failed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.warn("Exchange failed: {}", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            Thread.sleep(100);
        }
        return new Outcome(sent.get(), failed.get());
    }

    private static Outcome total(List<Future<Outcome>> runs) throws Exception {
        long sent = 0;
        long failed = 0;
        for (Future<Outcome> run : runs) {
            Outcome o = run.get();
            sent += o.sent();
            failed += o.failed();
        }
        return new Outcome(sent, failed);
    }
}
