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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * The documented YAML DSL pattern (canonical form): redeliver when the exchange property CamelDatabricksErrorRetryable
 * is true, dead-letter everything else on the first failure.
 */
class YamlErrorHandlingTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(1));

    static final String ROUTES = """
            - routeConfiguration:
                id: databricks-errors
                errorHandler:
                  deadLetterChannel:
                    deadLetterUri: mock:dlq
                onException:
                  - onException:
                      exception:
                        - io.github.cameldatabricks.component.error.DatabricksException
                      onWhen:
                        expression:
                          simple:
                            expression: "${exchangeProperty.CamelDatabricksErrorRetryable}"
                      redeliveryPolicy:
                        maximumRedeliveries: 3
                        redeliveryDelay: 10
                        useExponentialBackOff: true
                        backOffMultiplier: 2
            - route:
                id: yaml-query
                routeConfigurationId: databricks-errors
                from:
                  uri: direct:yaml-query
                  steps:
                    - toD:
                        uri: "databricks:${header.sql}"
                        parameters:
                          maxRetries: 0
                    - to:
                        uri: mock:delivered
            """;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("databricks", DatabricksComponent.class).setSleeper(sleeps::add);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("errors.yaml", ROUTES));
        return context;
    }

    @Test
    void transientFailuresAreRedeliveredByTheRouteAndOthersDeadLetteredAtOnce() throws Exception {
        context.start();
        WAREHOUSE.faults().inject(Fault.serviceUnavailableWithoutRetryAfter().onlyFor("ExecuteStatement"), 2);
        template.sendBodyAndHeader("direct:yaml-query", null, "sql", "SELECT 1 AS yaml_transient");
        template.sendBodyAndHeader("direct:yaml-query", null, "sql", "SELECT * FROM main.default.yaml_missing");

        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        assertThat(delivered.getReceivedCounter()).isEqualTo(1);
        assertThat(dlq.getReceivedCounter()).isEqualTo(1);
        assertThat(dlq.getExchanges().get(0).getMessage().getHeader(DatabricksConstants.ERROR_CATEGORY))
                .isEqualTo("not_found");
        // maxRetries=0: the producer hands every failure to the route, which redelivered the 503 twice
        assertThat(sleeps).isEmpty();
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit") && e.statusCode() == 503))
                .hasSize(2);
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("yaml_missing"))).hasSize(1);
    }
}
