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
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Statements that outlive the direct-results wait run asynchronously: RUNNING, polling, cancel, timeouts. */
class AsyncOperationsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().directResultsWait(Duration.ofMillis(100)));

    @Test
    void slowStatementIsPolledUntilFinished() throws Exception {
        WAREHOUSE.faults().inject(Fault.slowStatement(Duration.ofMillis(1200)), 1);
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            long polls = WAREHOUSE.audit().count("getOperationStatus");
            assertThat(Jdbc.scalar(c, "SELECT 41 + 1")).isEqualTo(42);
            assertThat(WAREHOUSE.audit().count("getOperationStatus") - polls).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void cancelStopsARunningStatement() throws Exception {
        WAREHOUSE.faults().inject(Fault.slowStatement(Duration.ofSeconds(60)), 1);
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ""); Statement s = c.createStatement()) {
            long pollsBefore = WAREHOUSE.audit().count("getOperationStatus");
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.executeQuery("SELECT 1");
                } catch (SQLException e) {
                    return e;
                }
            });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> WAREHOUSE.audit().count("getOperationStatus") > pollsBefore);
            s.cancel();
            Object outcome = running.get(20, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(SQLException.class);
            assertThat(WAREHOUSE.audit().count("cancelCommand")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void queryTimeoutCancelsOnTheServer() throws Exception {
        WAREHOUSE.faults().inject(Fault.slowStatement(Duration.ofSeconds(60)), 1);
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ""); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLTimeoutException.class);
        }
    }

    @Test
    void heavyDuckDbQueryIsCancelledForReal() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ""); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery("SELECT sum(r * r % 7) FROM range(100000000000) AS t(r)"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
