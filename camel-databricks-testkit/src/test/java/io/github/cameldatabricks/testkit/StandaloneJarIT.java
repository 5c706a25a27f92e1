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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The packaged standalone jar in its own JVM: it prints one JSON line, and this (separate) JVM connects with plain JDBC
 * using the printed URL.
 */
class StandaloneJarIT {

    private static final String PWAF_VALIDATION_QUERY = """
            SELECT event_time, user_agent, action_name, request_params
            FROM system.access.audit
            WHERE event_time > current_timestamp() - INTERVAL 1 HOUR
            AND lower(user_agent) LIKE '%yourcompany%'
            ORDER BY event_time DESC
            LIMIT 10;
            """;

    private static Process launch(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar"));
        assertThat(Files.exists(jar)).as("standalone jar %s", jar).isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void printsItsJsonLineAndServesPlainJdbc() throws Exception {
        Process process = launch("--rows", "50", "--token", "dapi-standalone-test");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            JsonNode ready = new ObjectMapper().readTree(out.readLine());
            assertThat(ready.get("token").asText()).isEqualTo("dapi-standalone-test");
            assertThat(ready.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(ready.get("httpPath").asText()).startsWith("/sql/1.0/warehouses/");
            assertThat(ready.get("port").asInt()).isPositive();
            String url = ready.get("jdbcUrl").asText() + ";UserAgentEntry=YourCompany_StandaloneCheck/1.0";
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(Jdbc.query(c, "SELECT current_user(), current_catalog()"))
                        .containsExactly(List.of("local-user@example.com", "main"));
                assertThat(Jdbc.scalar(c, "SELECT count(*) FROM samples.nyctaxi.trips")).isEqualTo(50L);
                List<List<Object>> audit = Jdbc.query(c, PWAF_VALIDATION_QUERY);
                assertThat(audit).isNotEmpty();
                assertThat((String) audit.get(0).get(1)).contains("YourCompany_StandaloneCheck/1.0");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void tlsModePrintsTheTrustStore() throws Exception {
        Process process = launch("--tls", "--rows", "1");
        try {
            JsonNode ready = new ObjectMapper().readTree(new BufferedReader(new InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8)).readLine());
            assertThat(Files.exists(Path.of(ready.get("trustStore").asText()))).isTrue();
            assertThat(ready.get("trustStorePassword").asText()).isNotBlank();
            assertThat(Files.readString(Path.of(ready.get("caCertificatePem").asText())))
                    .startsWith("-----BEGIN CERTIFICATE-----");
            try (Connection c = DriverManager.getConnection(ready.get("jdbcUrl").asText())) {
                assertThat(Jdbc.scalar(c, "SELECT count(*) FROM samples.nyctaxi.trips")).isEqualTo(1L);
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void badArgumentsExitWithUsage() throws Exception {
        Process process = launch("--rows", "many");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
