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

import java.util.List;
import java.util.stream.IntStream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.connection.UserAgentEntriesInUse;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Connections are pooled per warehouse and identity, and the ISV User-Agent reaches the warehouse on every call. */
class PoolAndAuditTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(100));

    private static final String UA = "Acme_PoolCheck/2.3.1";

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("databricks:SELECT count(*) AS n FROM samples.nyctaxi.trips"
                        + "?outputType=SelectOne&poolSize=2&userAgentEntry=" + UA);
                from("direct:b").to("databricks:SELECT max(fare_amount) AS m FROM samples.nyctaxi.trips"
                        + "?outputType=SelectOne&userAgentEntry=" + UA);
                from("direct:default-agent").to("databricks:SELECT 'plain' AS p?outputType=SelectOne");
            }
        };
    }

    private DatabricksComponent component() {
        return context.getComponent("databricks", DatabricksComponent.class);
    }

    @Test
    void endpointsToTheSameWarehouseAndIdentityShareOnePoolAndNoExchangeOpensItsOwnConnection() {
        assertThat(component().getConnectionPools().size()).as("pools after start").isEqualTo(2);
        int earlier = WAREHOUSE.audit().events().size();
        IntStream.range(0, 40).parallel().forEach(i -> template.requestBody(i % 2 == 0 ? "direct:a" : "direct:b",
                (Object) null));
        List<AuditEvent> submits = WAREHOUSE.audit().events().subList(earlier, WAREHOUSE.audit().events().size())
                .stream().filter(e -> e.actionName().equals("commandSubmit")
                        && String.valueOf(e.requestParams().get("commandText")).contains("count(*) AS n"))
                .toList();
        assertThat(submits).hasSize(20);
        assertThat(submits.stream().map(AuditEvent::sessionId).distinct().count())
                .as("sessions used by 20 exchanges through a pool of 2").isBetween(1L, 2L);
    }

    @Test
    void aDifferentIdentityGetsItsOwnPool() throws Exception {
        WAREHOUSE.warehouse().tokens().add("second-identity-token", "second@example.com");
        int before = component().getConnectionPools().size();
        Object user = template.requestBody("databricks:SELECT current_user() AS u?outputType=SelectOne"
                + "&token=RAW(second-identity-token)", (Object) null);
        assertThat(user).isEqualTo("second@example.com");
        assertThat(component().getConnectionPools().size()).isEqualTo(before + 1);
        Object same = template.requestBody("databricks:SELECT current_user() AS u?outputType=SelectOne"
                + "&userAgentEntry=" + UA, (Object) null);
        assertThat(same).isEqualTo(WAREHOUSE.warehouse().principal());
    }

    @Test
    void everyCallCarriesTheRoutesUserAgentEntryAndThePwafValidationQueryFindsIt() {
        template.requestBody("direct:a", (Object) null);
        // the PWAF audit validation query; in the header, because '%' in an endpoint URI is a percent-escape
        List<?> rows = template.requestBodyAndHeader("databricks:audit-validation", null, DatabricksConstants.QUERY,
                "SELECT event_time, user_agent, action_name, request_params FROM system.access.audit"
                        + " WHERE event_time > current_timestamp() - INTERVAL 1 HOUR"
                        + " AND lower(user_agent) LIKE '%acme_poolcheck%' ORDER BY event_time DESC LIMIT 10",
                List.class);
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(String.valueOf(((java.util.Map<?, ?>) r)
                .get("user_agent"))).contains(UA));
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("count(*) AS n")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.userAgent()).contains(UA));
    }

    @Test
    void withoutAUserAgentEntryTheComponentIdentifiesItself() {
        template.requestBody("direct:default-agent", (Object) null);
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("'plain'")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.userAgent())
                        .contains("CamelDatabricks_Component/" + DatabricksComponent.VERSION));
        assertThat(DatabricksComponent.VERSION).isNotEqualTo("0.0.0").doesNotStartWith("$");
    }

    /**
     * Pins the driver behaviour behind the component's warning: if a driver upgrade stops sending entries JVM-wide,
     * this fails and the warning can go.
     */
    @Test
    void theDriverSendsEveryEntryOfTheJvmAndTheComponentTracksThem() {
        template.requestBody("direct:a", (Object) null);
        template.requestBody("direct:default-agent", (Object) null);
        assertThat(UserAgentEntriesInUse.register(UA)).contains(UA,
                "CamelDatabricks_Component/" + DatabricksComponent.VERSION);
        List<AuditEvent> plain = WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("'plain'"));
        assertThat(plain.get(plain.size() - 1).userAgent()).contains(UA);
    }

    @Test
    void stoppingTheContextClosesThePoolsAndTheirSessions() {
        template.requestBody("direct:a", (Object) null);
        long opened = WAREHOUSE.audit().events(e -> e.actionName().equals("openSession")
                && String.valueOf(e.userAgent()).contains(UA)).size();
        context.stop();
        assertThat(component().getConnectionPools().size()).isZero();
        long closed = WAREHOUSE.audit().events(e -> e.actionName().equals("closeSession")
                && String.valueOf(e.userAgent()).contains(UA)).size();
        assertThat(closed).isEqualTo(opened);
    }
}
