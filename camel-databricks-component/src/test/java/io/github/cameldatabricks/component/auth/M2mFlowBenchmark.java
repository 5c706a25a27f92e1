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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Measures the alternative to the component's M2M design: databricks-jdbc's own client-credentials flow (Auth_Flow=1),
 * which keeps a token per physical connection. Same load as TokenExpirySoakTest's M2M half (three threads, a pool of
 * three, 60 s tokens). A benchmark, not a test: run with {@code -Dbenchmarks=true -Dtest=M2mFlowBenchmark}; the figures
 * are in docs/performance.md ("OAuth token requests").
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class M2mFlowBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(M2mFlowBenchmark.class);
    private static final int SECONDS = Integer.getInteger("soak.seconds", 180);
    private static final String SP = "3c2b1a09-8f7e-4d6c-5b4a-392817161514";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Test
    void driverOwnM2mFlow() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().accessTokenLifetime(Duration.ofSeconds(60)).addServicePrincipal(SP, "bench-secret", "bench");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(w.jdbcUrlWithoutCredentials() + ";AuthMech=11;Auth_Flow=1;OAuth2ClientId=" + SP
                + ";OAuth2Secret=bench-secret;OAuthDiscoveryURL=" + w.baseUrl()
                + "/oidc/.well-known/oauth-authorization-server;UseThriftClient=1;EnableTelemetry=0");
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            for (int i = 0; i < 3; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        sent.incrementAndGet();
                        try (Connection c = pool.getConnection();
                                Statement s = c.createStatement();
                                ResultSet rs = s.executeQuery("SELECT current_user()")) {
                            rs.next();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        Thread.sleep(100);
                    }
                    return null;
                });
            }
            threads.shutdown();
            threads.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
        }
        LOG.info("driver Auth_Flow=1 over {} s, 60 s tokens, pool of 3: {} exchanges, {} failed, {} token requests",
                SECONDS, sent.get(), failed.get(), w.oidc().tokensIssued("client_credentials"));
    }
}
