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
package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The component from the YAML DSL, in canonical form, producer and consumer. */
class YamlRouteTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(1000));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private void loadYaml(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", yaml));
    }

    @Test
    void aYamlRouteQueriesWithParametersAndItsUserAgentIsAudited() throws Exception {
        loadYaml(
                """
                        - route:
                            id: top-zips
                            from:
                              uri: direct:top-zips
                              steps:
                                - to:
                                    uri: "databricks:SELECT pickup_zip, round(sum(fare_amount), 2) AS total_fare FROM samples.nyctaxi.trips WHERE fare_amount > :#minFare GROUP BY pickup_zip ORDER BY total_fare DESC LIMIT :#${header.top}"
                                    parameters:
                                      userAgentEntry: Acme_YamlRoutes/1.0.0
                                - to:
                                    uri: mock:top
                        """);
        MockEndpoint top = getMockEndpoint("mock:top");
        top.expectedMessageCount(1);
        context.start();
        template.requestBodyAndHeader("direct:top-zips", Map.of("minFare", 5), "top", 3);
        top.assertIsSatisfied();
        List<?> rows = top.getExchanges().get(0).getMessage().getBody(List.class);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(r -> assertThat(((Map<?, ?>) r).keySet()).hasSize(2).anyMatch("pickup_zip"::equals)
                .anyMatch("total_fare"::equals));
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("total_fare")))
                .singleElement().satisfies(e -> assertThat(e.userAgent()).contains("Acme_YamlRoutes/1.0.0"));
    }

    @Test
    void aYamlConsumerPollsAndMarksRows() throws Exception {
        String table = newTable("yaml_outbox");
        sql("CREATE TABLE " + table + " (id INT, done BOOLEAN)");
        sql("INSERT INTO " + table + " VALUES (1, false), (2, false)");
        loadYaml("""
                - route:
                    id: yaml-consumer
                    from:
                      uri: "databricks:SELECT id FROM %1$s WHERE NOT done ORDER BY id"
                      parameters:
                        onConsume: "UPDATE %1$s SET done = true WHERE id = :#id"
                        initialDelay: 0
                        delay: 200
                      steps:
                        - to:
                            uri: mock:consumed
                """.formatted(table));
        MockEndpoint consumed = getMockEndpoint("mock:consumed");
        consumed.expectedMessageCount(2);
        context.start();
        consumed.assertIsSatisfied();
        // onConsume runs after each exchange: wait for the poll that routed both rows to return
        DatabricksConsumer consumer = (DatabricksConsumer) context.getRoute("yaml-consumer").getConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getSuccessCounter() >= 1);
        context.getRouteController().stopRoute("yaml-consumer");
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE done")).isEqualTo(2L);
    }
}
