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
package io.github.cameldatabricks.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.cameldatabricks.testkit.LocalWarehouse;

/**
 * The application as deployed, against LocalWarehouse: the connection comes from the Spring environment
 * (camel.component.databricks.*: the workspace from here, the userAgentEntry from application.yml), the route's result
 * is the warehouse's, Actuator's health endpoint shows the databricks producer check, and the warehouse audits
 * application.yml's userAgentEntry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class TaxiApplicationTest {

    // started before the Spring context, which reads its address through the properties below
    static final LocalWarehouse WAREHOUSE = LocalWarehouse.builder().build().start();

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("camel.component.databricks.host", WAREHOUSE::baseUrl);
        registry.add("camel.component.databricks.httpPath", WAREHOUSE::httpPath);
        registry.add("camel.component.databricks.token", WAREHOUSE::token);
    }

    @AfterAll
    static void stopWarehouse() {
        WAREHOUSE.close();
    }

    @Autowired
    TopZips topZips;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theRouteStoresTheWarehousesAnswer() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> topZips.latest() != null);

        assertThat(topZips.latest()).extracting(TaxiApplicationTest::line).containsExactlyElementsOf(overJdbc());
    }

    @Test
    void actuatorHealthShowsTheDatabricksProducerCheckUp() {
        ResponseEntity<Map> response = rest.getForEntity("/actuator/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = map(response.getBody());
        assertThat(body).containsEntry("status", "UP");
        // camel-spring-boot's indicator: one entry per Camel check, its details under "<check id>.data"
        Map<String, Object> camel = map(map(body.get("components")).get("camelHealth"));
        assertThat(camel).as("%s", body).containsEntry("status", "UP");
        Map<String, Object> details = map(camel.get("details"));
        String checkId = "producer:databricks-" + WAREHOUSE.warehouseId() + "-1";
        assertThat(details).as("%s", body).containsEntry(checkId, "UP");
        assertThat(map(details.get(checkId + ".data")))
                .containsEntry("check.kind", "READINESS")
                .containsEntry("warehouse.id", WAREHOUSE.warehouseId())
                .containsEntry("warehouse.state", "RUNNING")
                .containsEntry("host", WAREHOUSE.baseUrl())
                .containsEntry("auth.mode", "pat");
    }

    @Test
    void theWarehouseAuditsTheUserAgentEntryOfApplicationYml() {
        await().atMost(Duration.ofSeconds(60)).until(() -> topZips.latest() != null);

        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("samples.nyctaxi.trips")))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.userAgent()).contains("Acme_TaxiBoot/1.0.0"));
    }

    /** The route's query over plain JDBC with Databricks' own driver. */
    private static List<String> overJdbc() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(WAREHOUSE.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(TopZipsRoute.QUERY)) {
            while (rs.next()) {
                lines.add(rs.getString("pickup_zip") + "," + rs.getLong("trips") + "," + rs.getDouble("total_fare"));
            }
        }
        assertThat(lines).hasSize(5);
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private static String line(Map<String, Object> row) {
        return row.get("pickup_zip") + "," + ((Number) row.get("trips")).longValue() + ","
                + ((Number) row.get("total_fare")).doubleValue();
    }
}
