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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Injected failures look to the real driver like a workspace's: it retries 503/429 with Retry-After only. */
class FaultInjectionTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static final String RETRY = ";TemporarilyUnavailableRetryTimeout=10;RateLimitRetryTimeout=10";

    private static List<AuditEvent> submissions(String sql) {
        return WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && sql.equals(e.requestParams().get("commandText")));
    }

    @Test
    void serviceUnavailableWithRetryAfterIsRetriedByTheDriver() throws Exception {
        String sql = "SELECT 'retry-503' AS marker";
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), RETRY)) {
            WAREHOUSE.faults().inject(Fault.serviceUnavailable(1).onlyFor("ExecuteStatement"), 2);
            assertThat(Jdbc.scalar(c, sql)).isEqualTo("retry-503");
        }
        assertThat(WAREHOUSE.faults().triggered(FaultType.SERVICE_UNAVAILABLE)).isGreaterThanOrEqualTo(2);
        assertThat(WAREHOUSE.faults().pending()).isZero();
        assertThat(submissions(sql)).extracting(AuditEvent::statusCode).containsExactly(200);
    }

    @Test
    void rateLimitWithRetryAfterIsRetriedByTheDriver() throws Exception {
        String sql = "SELECT 'retry-429' AS marker";
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), RETRY)) {
            WAREHOUSE.faults().inject(Fault.rateLimited(1).onlyFor("ExecuteStatement"), 1);
            assertThat(Jdbc.scalar(c, sql)).isEqualTo("retry-429");
        }
        assertThat(WAREHOUSE.faults().triggered(FaultType.RATE_LIMITED)).isEqualTo(1);
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit") && e.statusCode() == 429))
                .hasSize(1);
    }

    @Test
    void serviceUnavailableWithoutRetryAfterFailsAtOnce() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), RETRY)) {
            WAREHOUSE.faults().inject(Fault.serviceUnavailableWithoutRetryAfter().onlyFor("ExecuteStatement"), 1);
            assertThatThrownBy(() -> Jdbc.scalar(c, "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("503");
        }
    }

    @Test
    void unauthorizedAndServerErrorsSurfaceWithTheirStatus() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            WAREHOUSE.faults().inject(Fault.unauthorized().onlyFor("ExecuteStatement"), 1);
            assertThatThrownBy(() -> Jdbc.scalar(c, "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("401");
            WAREHOUSE.faults().inject(Fault.internalError().onlyFor("ExecuteStatement"), 1);
            assertThatThrownBy(() -> Jdbc.scalar(c, "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("500");
            assertThat(Jdbc.scalar(c, "SELECT 2")).isEqualTo(2);
        }
    }

    @Test
    void unknownAndExpiredTokensGet401() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(WAREHOUSE.warehouse().jdbcUrl("dapi-unknown")))
                .isInstanceOf(SQLException.class).hasMessageContaining("401");
        WAREHOUSE.warehouse().tokens().add("dapi-old", "old@example.com", Instant.now().minusSeconds(1));
        assertThatThrownBy(() -> DriverManager.getConnection(WAREHOUSE.warehouse().jdbcUrl("dapi-old")))
                .isInstanceOf(SQLException.class).hasMessageContaining("expired");
        assertThat(WAREHOUSE.audit().events(e -> e.statusCode() == 401 && e.principal() == null)).isNotEmpty();
    }

    @Test
    void droppedConnectionFailsTheCall() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            WAREHOUSE.faults().inject(Fault.dropConnection().onlyFor("ExecuteStatement"), 1);
            assertThatThrownBy(() -> Jdbc.scalar(c, "SELECT 1")).isInstanceOf(SQLException.class);
        }
        assertThat(WAREHOUSE.faults().triggered(FaultType.DROP_CONNECTION)).isEqualTo(1);
    }

    @Test
    void executedThenDroppedInsertLeavesExactlyOneRow() throws Exception {
        String table = Jdbc.uniqueTable("ambiguous");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
            WAREHOUSE.faults().inject(Fault.executeThenDrop(), 1);
            assertThatThrownBy(() -> Jdbc.update(c, "INSERT INTO " + table + " VALUES (1)"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM " + table)).isEqualTo(1L);
        }
    }

    @Test
    void latencyDelaysButServes() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            WAREHOUSE.faults().inject(Fault.latency(Duration.ofMillis(300)).onlyFor("ExecuteStatement"), 1);
            assertThat(Jdbc.scalar(c, "SELECT 'slow' AS s")).isEqualTo("slow");
        }
        assertThat(WAREHOUSE.faults().triggered(FaultType.LATENCY)).isEqualTo(1);
    }

    @Test
    void randomFaultsAreReproducibleFromASeed() {
        io.github.cameldatabricks.testkit.faults.Faults a = new io.github.cameldatabricks.testkit.faults.Faults()
                .injectRandomly(7, 0.5, Fault.serviceUnavailable(1), Fault.dropConnection());
        io.github.cameldatabricks.testkit.faults.Faults b = new io.github.cameldatabricks.testkit.faults.Faults()
                .injectRandomly(7, 0.5, Fault.serviceUnavailable(1), Fault.dropConnection());
        for (int i = 0; i < 50; i++) {
            assertThat(a.nextForRequest("ExecuteStatement")).isEqualTo(b.nextForRequest("ExecuteStatement"));
        }
        assertThat(a.triggered(FaultType.SERVICE_UNAVAILABLE) + a.triggered(FaultType.DROP_CONNECTION))
                .isBetween(10L, 40L);
    }
}
