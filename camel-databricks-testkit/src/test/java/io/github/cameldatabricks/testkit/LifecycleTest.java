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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.testkit.lifecycle.WarehouseState;

/** STOPPED, STARTING and RUNNING, through the SQL Warehouses API and as the SQL endpoint reports them. */
class LifecycleTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(LocalWarehouse w, String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(w.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void restApiReportsStartsAndStopsTheWarehouse() throws Exception {
        try (LocalWarehouse w = LocalWarehouse.builder().initialState(WarehouseState.STOPPED)
                .startupTime(Duration.ofMillis(300)).sampleRows(10).build().start()) {
            String path = "/api/2.0/sql/warehouses/" + w.warehouseId();
            assertThat(call(w, "GET", path, null).statusCode()).isEqualTo(401);
            HttpResponse<String> get = call(w, "GET", path, w.token());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).contains("\"state\":\"STOPPED\"", "\"id\":\"" + w.warehouseId() + "\"");
            assertThat(call(w, "POST", path + "/start", w.token()).statusCode()).isEqualTo(200);
            assertThat(w.lifecycle().state()).isIn(WarehouseState.STARTING, WarehouseState.RUNNING);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(w.lifecycle()::isRunning);
            assertThat(call(w, "GET", path, w.token()).body()).contains("\"state\":\"RUNNING\"");
            assertThat(call(w, "POST", path + "/stop", w.token()).statusCode()).isEqualTo(200);
            assertThat(w.lifecycle().state()).isEqualTo(WarehouseState.STOPPED);
            assertThat(call(w, "GET", "/api/2.0/sql/warehouses/nope", w.token()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void sqlToAStoppedWarehouseGets503WithRetryAfterAndStartsIt() throws Exception {
        try (LocalWarehouse w = LocalWarehouse.builder().initialState(WarehouseState.STOPPED)
                .startupTime(Duration.ofSeconds(2)).sampleRows(10).build().start()) {
            // the driver retries 503 + Retry-After: with a budget longer than the start-up it gets through
            try (Connection c = Jdbc.connect(w, ";TemporarilyUnavailableRetryTimeout=30")) {
                assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo(1);
            }
            assertThat(w.lifecycle().starts()).isEqualTo(1);
            assertThat(w.audit().events(e -> e.statusCode() == 503)).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.errorMessage()).contains("retry after"));
        }
    }

    @Test
    void withoutAutoStartAStoppedWarehouseStaysUnavailable() throws Exception {
        try (LocalWarehouse w = LocalWarehouse.builder().initialState(WarehouseState.STOPPED).startOnQuery(false)
                .sampleRows(10).build().start()) {
            assertThatThrownBy(() -> Jdbc.connect(w, ";TemporarilyUnavailableRetryTimeout=1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("503");
            assertThat(w.lifecycle().state()).isEqualTo(WarehouseState.STOPPED);
        }
    }

    @Test
    void aManualClockDrivesTheStartUpSoALongColdStartTakesNoRealTime() throws Exception {
        ManualClock clock = new ManualClock();
        try (LocalWarehouse w = LocalWarehouse.builder().clock(clock).initialState(WarehouseState.STOPPED)
                .startupTime(Duration.ofSeconds(20)).sampleRows(1).build().start()) {
            w.lifecycle().start();
            assertThat(w.lifecycle().state()).isEqualTo(WarehouseState.STARTING);
            assertThat(w.lifecycle().retryAfterSeconds()).isEqualTo(20);
            clock.advance(Duration.ofSeconds(19));
            assertThat(w.lifecycle().state()).isEqualTo(WarehouseState.STARTING);
            assertThat(w.lifecycle().retryAfterSeconds()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(w.lifecycle().state()).isEqualTo(WarehouseState.RUNNING);
            try (Connection c = Jdbc.connect(w, "")) {
                assertThat(Jdbc.scalar(c, "SELECT 'up'")).isEqualTo("up");
            }
        }
    }

    @Test
    void idleWarehouseAutoStops() throws Exception {
        try (LocalWarehouse w = LocalWarehouse.builder().autoStopAfter(Duration.ofMillis(400)).sampleRows(10).build()
                .start()) {
            try (Connection c = Jdbc.connect(w, "")) {
                assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo(1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> w.lifecycle().state() == WarehouseState.STOPPED);
        }
    }
}
