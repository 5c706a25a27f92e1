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
package io.github.cameldatabricks.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.cameldatabricks.component.DatabricksComponent;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The three Kamelets, loaded from this module's classpath, against a LocalWarehouse. */
class KameletsTest {

    private static final String SP = "6f1f0c4e-5b0a-4d52-9a53-2a4b0f3b7c11";
    private static final String SP_SECRET = "kamelet-sp-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder());

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private static LocalWarehouse w() {
        return WAREHOUSE.warehouse();
    }

    /** A context whose databricks component sees no environment variables; routes are added by the caller. */
    private CamelContext newContext() {
        return newContext(Environment.empty());
    }

    /** A context whose databricks component sees only these environment variables. */
    private CamelContext newContext(Environment environment) {
        context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(environment);
        context.addComponent("databricks", component);
        return context;
    }

    private static String pat() {
        return "host=" + w().baseUrl() + "&httpPath=" + w().httpPath() + "&token=RAW(" + w().token() + ")";
    }

    private static String newTable(String prefix) {
        return "main.default." + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(w().jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Object scalar(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(w().jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static List<AuditEvent> submitsMentioning(String text) {
        return w().audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains(text));
    }

    @Test
    void theSinkWritesAJsonObjectAJsonArrayAMapAndAListFromAJavaRoute() throws Exception {
        String table = newTable("sink_java");
        sql("CREATE TABLE " + table + " (id INT, name STRING, amount DOUBLE)");
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("kamelet:databricks-sql-sink?" + pat() + "&table=" + table
                        + "&columns=id, name,amount&userAgentEntry=Acme_KameletSink/1.2.0");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        template.sendBody("direct:orders", "{\"id\": 1, \"name\": \"one\", \"amount\": 1.5}");
        template.sendBody("direct:orders", "[{\"id\": 2, \"name\": \"two\", \"amount\": 2.5},"
                + " {\"id\": 3, \"name\": \"three\", \"amount\": 3.5, \"ignored\": true}]");
        template.sendBody("direct:orders", Map.of("id", 4, "name", "four", "amount", 4.5));
        // the component runs a CamelDatabricksQuery header instead of its endpoint's SQL: the sink sets its own
        var last = template.send("direct:orders", e -> {
            e.getMessage().setHeader("CamelDatabricksQuery", "DELETE FROM " + table);
            e.getMessage().setBody(List.of(Map.of("id", 5, "name", "five", "amount", 5.5),
                    Map.of("id", 6, "name", "six", "amount", 6.5)));
        });
        assertThat(last.getException()).isNull();
        assertThat(last.getVariables()).as("the sink leaves no variables on the caller's exchange").isEmpty();
        assertThat(last.getMessage().getHeaders()).as("nor its statement").doesNotContainKey("CamelDatabricksQuery");
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(6L);
        assertThat(scalar("SELECT string_agg(name, ',') FROM (SELECT name FROM " + table + " ORDER BY id)"))
                .isEqualTo("one,two,three,four,five,six");
        assertThat(scalar("SELECT sum(amount) FROM " + table)).isEqualTo(24.0);
        // one multi-row statement per message, each with the configured User-Agent entry
        assertThat(submitsMentioning("INSERT INTO " + table)).hasSize(4)
                .allSatisfy(e -> assertThat(e.userAgent()).contains("Acme_KameletSink/1.2.0"));
    }

    /** The sink's statement travels in a header of the caller's exchange: a failure must not leave it there. */
    @Test
    void aFailedWriteLeavesNeitherTheStatementNorTheRowsVariableOnTheCallersExchange() throws Exception {
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("kamelet:databricks-sql-sink?" + pat()
                        + "&table=main.default.no_such_table&columns=id&userAgentEntry=Acme_KameletSink/1.2.0");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        var missingTable = template.send("direct:orders", e -> e.getMessage().setBody(Map.of("id", 1)));
        assertThat(missingTable.getException()).isNotNull();
        assertThat(missingTable.getMessage().getHeader("CamelDatabricksErrorCategory")).isEqualTo("not_found");
        var notJson = template.send("direct:orders", e -> e.getMessage().setBody("not json"));
        assertThat(notJson.getException()).isNotNull();
        for (var failed : List.of(missingTable, notJson)) {
            assertThat(failed.getMessage().getHeaders()).doesNotContainKey("CamelDatabricksQuery");
            assertThat(failed.getVariables()).isEmpty();
        }
    }

    @Test
    void aBatchOfTenThousandRowsFromAYamlRouteWithOAuthM2mTakesFarFewerStatementsThanRows() throws Exception {
        w().oidc().addServicePrincipal(SP, SP_SECRET, "kamelet-sink");
        String table = newTable("sink_yaml");
        sql("CREATE TABLE " + table + " (id INT, name STRING)");
        newContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", """
                - route:
                    from:
                      uri: direct:batch
                      steps:
                        - to:
                            uri: "kamelet:databricks-sql-sink"
                            parameters:
                              host: "%s"
                              httpPath: "%s"
                              authMode: oauth-m2m
                              clientId: "%s"
                              clientSecret: "%s"
                              table: "%s"
                              columns: "id,name"
                              userAgentEntry: Acme_KameletYaml/2.0.0
                """.formatted(w().baseUrl(), w().httpPath(), SP, SP_SECRET, table)));
        context.start();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("name", "row-" + i);
            rows.add(row);
        }
        context.createProducerTemplate().sendBody("direct:batch", JSON.writeValueAsString(rows));
        assertThat(scalar("SELECT count(DISTINCT id) FROM " + table)).isEqualTo(10_000L);
        List<AuditEvent> inserts = submitsMentioning("INSERT INTO " + table);
        // 2 parameters a row, at most 256 a statement: 128 rows a statement, 79 statements for 10,000 rows
        assertThat(inserts).hasSize(79).allSatisfy(e -> {
            assertThat(e.userAgent()).contains("Acme_KameletYaml/2.0.0");
            assertThat(e.principal()).isEqualTo(SP);
            assertThat(e.authMethod()).isEqualTo("oauth");
        });
    }

    @Test
    void theSourceEmitsEachRowAsJsonAndMarksItConsumed() throws Exception {
        String table = newTable("outbox");
        sql("CREATE TABLE " + table + " (id INT, payload STRING, done BOOLEAN)");
        sql("INSERT INTO " + table + " VALUES (1, 'a', false), (2, 'b', false), (3, 'c', true)");
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:databricks-sql-source?" + pat()
                        + "&query=RAW(SELECT id, payload FROM " + table + " WHERE NOT done ORDER BY id)"
                        + "&onConsume=RAW(UPDATE " + table + " SET done = true WHERE id = :#id)"
                        + "&delay=200&userAgentEntry=Acme_KameletSource/1.0.0")
                        .to("mock:rows");
            }
        });
        startAndExpectTheTwoOpenRowsAsJsonThenMarked(table);
        assertThat(submitsMentioning("UPDATE " + table)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.userAgent()).contains("Acme_KameletSource/1.0.0"));
    }

    @Test
    void theSourceInAYamlRouteRunsAsAServicePrincipalWithOAuthM2m() throws Exception {
        w().oidc().addServicePrincipal(SP, SP_SECRET, "kamelet-source");
        String table = newTable("outbox_m2m");
        sql("CREATE TABLE " + table + " (id INT, payload STRING, done BOOLEAN)");
        sql("INSERT INTO " + table + " VALUES (1, 'a', false), (2, 'b', false), (3, 'c', true)");
        newContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", """
                - route:
                    from:
                      uri: "kamelet:databricks-sql-source"
                      parameters:
                        host: "%s"
                        httpPath: "%s"
                        authMode: oauth-m2m
                        clientId: "%s"
                        clientSecret: "%s"
                        query: "SELECT id, payload FROM %s WHERE NOT done ORDER BY id"
                        onConsume: "UPDATE %<s SET done = true WHERE id = :#id"
                        delay: 200
                        userAgentEntry: Acme_KameletSourceM2m/1.0.0
                      steps:
                        - to: mock:rows
                """.formatted(w().baseUrl(), w().httpPath(), SP, SP_SECRET, table)));
        startAndExpectTheTwoOpenRowsAsJsonThenMarked(table);
        List<AuditEvent> statements = new ArrayList<>(submitsMentioning("SELECT id, payload FROM " + table));
        statements.addAll(submitsMentioning("UPDATE " + table));
        assertThat(statements).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> {
            assertThat(e.userAgent()).contains("Acme_KameletSourceM2m/1.0.0");
            assertThat(e.principal()).isEqualTo(SP);
            assertThat(e.authMethod()).isEqualTo("oauth");
        });
    }

    /**
     * Starts the context, whose source route sends to mock:rows, and checks the source emitted the two rows not yet
     * done of the outbox table as JSON, then marked them done (its onConsume).
     */
    private void startAndExpectTheTwoOpenRowsAsJsonThenMarked(String table) throws Exception {
        MockEndpoint rows = context.getEndpoint("mock:rows", MockEndpoint.class);
        rows.expectedMessageCount(2);
        context.start();
        rows.assertIsSatisfied();
        List<Map<?, ?>> bodies = new ArrayList<>();
        for (var exchange : rows.getExchanges()) {
            bodies.add(JSON.readValue(exchange.getMessage().getBody(String.class), Map.class));
        }
        assertThat(bodies).containsExactly(Map.of("id", 1, "payload", "a"), Map.of("id", 2, "payload", "b"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scalar("SELECT count(*) FROM " + table + " WHERE NOT done"))
                        .isEqualTo(0L));
    }

    @Test
    void theActionRunsAQueryWithTheJsonFieldsAsParametersAndReturnsJson() throws Exception {
        String table = newTable("action");
        sql("CREATE TABLE " + table + " (id INT, customer STRING, status STRING)");
        sql("INSERT INTO " + table + " VALUES (1, 'acme', 'NEW'), (2, 'acme', 'SHIPPED'), (3, 'other', 'NEW')");
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:select").to("kamelet:databricks-sql-action?" + pat()
                        + "&query=RAW(SELECT id, status FROM " + table + " WHERE customer = :#customer ORDER BY id)"
                        + "&userAgentEntry=Acme_KameletAction/1.0.0");
                from("direct:update").to("kamelet:databricks-sql-action?" + pat()
                        + "&query=RAW(UPDATE " + table + " SET status = :#status WHERE customer = :#customer)"
                        + "&userAgentEntry=Acme_KameletAction/1.0.0");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        String found = template.requestBody("direct:select", "{\"customer\": \"acme\"}", String.class);
        assertThat(JSON.readTree(found)).isEqualTo(JSON.readTree(
                "[{\"id\": 1, \"status\": \"NEW\"}, {\"id\": 2, \"status\": \"SHIPPED\"}]"));
        String updated = template.requestBody("direct:update", "{\"customer\": \"acme\", \"status\": \"DONE\"}",
                String.class);
        assertThat(JSON.readTree(updated)).isEqualTo(JSON.readTree("{\"updateCount\": 2}"));
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE status = 'DONE'")).isEqualTo(2L);
        assertThat(submitsMentioning("WHERE customer = ?")).hasSize(2)
                .allSatisfy(e -> assertThat(e.userAgent()).contains("Acme_KameletAction/1.0.0"));
    }

    /**
     * The pipeline of docs/kamelets.md (KameletDocsTest keeps the page's copy equal to the file), which the Camel CLI
     * smoke test runs with a PAT from DATABRICKS_TOKEN: here the same file with OAuth M2M from DATABRICKS_CLIENT_ID and
     * DATABRICKS_CLIENT_SECRET, as the guide recommends.
     */
    @Test
    void theFileToDatabricksPipelineOfTheGuideRunsAsWrittenWithOAuthM2mFromTheEnvironment(@TempDir Path inbox)
            throws Exception {
        w().oidc().addServicePrincipal(SP, SP_SECRET, "kamelet-example");
        sql("CREATE SCHEMA IF NOT EXISTS main.sales");
        sql("CREATE TABLE IF NOT EXISTS main.sales.orders (id INT, customer STRING, amount DOUBLE)");
        String yaml = Files.readString(KameletDocsTest.PIPELINE);
        assertThat(yaml.lines()).hasSizeLessThanOrEqualTo(16).anyMatch(l -> l.contains("\"file:inbox?"));
        newContext(Environment.of(Map.of("DATABRICKS_CLIENT_ID", SP, "DATABRICKS_CLIENT_SECRET", SP_SECRET)));
        Properties properties = new Properties();
        properties.put("databricks.host", w().baseUrl());
        properties.put("databricks.http-path", w().httpPath());
        // Camel resolves databricks.host from DATABRICKS_HOST first, which the test JVM blanks: properties only here
        org.apache.camel.component.properties.PropertiesComponent placeholders = (org.apache.camel.component.properties.PropertiesComponent) context
                .getPropertiesComponent();
        placeholders.setEnvironmentVariableMode(
                org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
        placeholders.setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("orders.camel.yaml",
                yaml.replace("\"file:inbox?", "\"file:" + inbox.toAbsolutePath() + "?")));
        context.start();
        long before = (Long) scalar("SELECT count(*) FROM main.sales.orders");
        Files.writeString(inbox.resolve("one.json"), "{\"id\": 7, \"customer\": \"acme\", \"amount\": 12.5}");
        Files.writeString(inbox.resolve("many.json"), "[{\"id\": 8, \"customer\": \"acme\", \"amount\": 1},"
                + " {\"id\": 9, \"customer\": \"other\", \"amount\": 2}]");
        Files.writeString(inbox.resolve("skipped.txt"), "not json");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(scalar("SELECT count(*) FROM main.sales.orders")).isEqualTo(before + 3));
        assertThat(submitsMentioning("INSERT INTO main.sales.orders")).hasSize(2).allSatisfy(e -> {
            assertThat(e.userAgent()).contains("Acme_OrderFiles/1.0.0");
            assertThat(e.principal()).isEqualTo(SP);
            assertThat(e.authMethod()).isEqualTo("oauth");
        });
    }

    /** A real OAuth access token for the service principal, from the warehouse's OIDC token endpoint. */
    private static String accessToken() throws Exception {
        w().oidc().addServicePrincipal(SP, SP_SECRET, "kamelet-access-token");
        return w().oidc().requestClientCredentialsToken(SP, SP_SECRET);
    }

    /**
     * accessToken is used as given (authMode token-env, inferred from the property): the statements run as the token's
     * service principal with OAuth, where the same Kamelet with token (the PAT) runs as the PAT's user.
     */
    @Test
    void theAccessTokenPropertyRunsAsItsPrincipalWhereTheTokenPropertyRunsAsThePatsUser() throws Exception {
        String accessToken = accessToken();
        String where = "host=" + w().baseUrl() + "&httpPath=" + w().httpPath();
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:oauth").to("kamelet:databricks-sql-action?" + where
                        + "&query=RAW(SELECT current_user() AS by_access_token, :#n AS n)"
                        + "&accessToken=RAW(" + accessToken + ")&userAgentEntry=Acme_KameletAccessToken/1.0.0");
                from("direct:pat").to("kamelet:databricks-sql-action?" + where
                        + "&query=RAW(SELECT current_user() AS by_token, :#n AS n)"
                        + "&token=RAW(" + w().token() + ")&userAgentEntry=Acme_KameletAccessToken/1.0.0");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        assertThat(JSON.readTree(template.requestBody("direct:oauth", "{\"n\": 1}", String.class)))
                .isEqualTo(JSON.readTree("[{\"by_access_token\": \"" + SP + "\", \"n\": 1}]"));
        assertThat(JSON.readTree(template.requestBody("direct:pat", "{\"n\": 2}", String.class)))
                .isEqualTo(JSON.readTree("[{\"by_token\": \"" + w().principal() + "\", \"n\": 2}]"));
        assertThat(submitsMentioning("AS by_access_token")).singleElement().satisfies(e -> {
            assertThat(e.principal()).isEqualTo(SP);
            assertThat(e.authMethod()).isEqualTo("oauth");
        });
        assertThat(submitsMentioning("AS by_token")).singleElement().satisfies(e -> {
            assertThat(e.principal()).isEqualTo(w().principal());
            assertThat(e.authMethod()).isEqualTo("pat");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "databricks-sql-sink", "databricks-sql-source", "databricks-sql-action" })
    void anUnknownAuthModeFailsAtStartNamingTheProperty(String kamelet) throws Exception {
        String uri = "kamelet:" + kamelet + "?" + pat() + "&authMode=kerberos&userAgentEntry=Acme_BadAuthMode/1.0.0"
                + (kamelet.endsWith("sink") ? "&table=main.default.t&columns=id" : "&query=RAW(SELECT 1)");
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (kamelet.endsWith("source")) {
                    from(uri).to("mock:rows");
                } else {
                    from("direct:in").to(uri);
                }
            }
        });
        assertThatThrownBy(context::start).rootCause()
                .hasMessageContaining(
                        "Invalid value 'kerberos' for option authMode: expected one of pat, token-env, oauth-m2m");
        assertThat(w().audit().events(e -> String.valueOf(e.userAgent()).contains("Acme_BadAuthMode"))).isEmpty();
    }

    @Test
    void aMissingUserAgentEntryFailsAtStartNamingTheProperty() throws Exception {
        newContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("kamelet:databricks-sql-sink?" + pat()
                        + "&table=main.default.t&columns=id");
            }
        });
        assertThatThrownBy(context::start).rootCause()
                .hasMessageContaining("mandatory parameters must be provided: userAgentEntry");
        assertThat(w().audit().events(e -> "main.default.t".equals(e.requestParams().get("commandText")))).isEmpty();
    }
}
