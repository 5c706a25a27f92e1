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

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.DatabricksRetryableException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * The documented Java DSL pattern: retryable failures redelivered with exponential back-off, everything else to the
 * dead-letter channel on the first failure with its category. Failures are produced for real by LocalWarehouse. The
 * producer's back-off sleeps are recorded instead of slept.
 */
class ErrorHandlingRouteTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        context.getComponent("databricks", DatabricksComponent.class).setSleeper(sleeps::add);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dlq"));
                onException(DatabricksRetryableException.class)
                        .maximumRedeliveries(3).redeliveryDelay(10).useExponentialBackOff().backOffMultiplier(2);

                // counts every send to the warehouse endpoint, redeliveries included
                interceptSendToEndpoint("databricks:*").to("mock:attempts");

                from("direct:query").routeId("query")
                        .toD("databricks:${header.sql}?userAgentEntry=Acme_ErrorRoutes/1.0")
                        .to("mock:delivered");
                from("direct:bad-token").routeId("bad-token")
                        .to("databricks:SELECT 1?token=RAW(not-a-valid-token)&userAgentEntry=Acme_ErrorRoutes/1.0")
                        .to("mock:delivered");
            }
        };
    }

    @BeforeEach
    void reset() {
        sleeps.clear();
    }

    private MockEndpoint mock(String name) {
        return getMockEndpoint("mock:" + name);
    }

    private void assertDeadLetteredOnFirstAttempt(String category) {
        assertThat(mock("attempts").getReceivedCounter()).as("route attempts").isEqualTo(1);
        assertThat(mock("delivered").getReceivedCounter()).isZero();
        assertThat(mock("dlq").getReceivedCounter()).isEqualTo(1);
        Exchange dead = mock("dlq").getExchanges().get(0);
        assertThat(dead.getMessage().getHeader(DatabricksConstants.ERROR_CATEGORY)).isEqualTo(category);
        assertThat(dead.getMessage().getHeader(DatabricksConstants.ERROR_RETRYABLE)).isEqualTo(false);
        assertThat(dead.getMessage().getHeader(DatabricksConstants.ATTEMPTS)).isEqualTo(1);
        DatabricksException e = dead.getProperty(Exchange.EXCEPTION_CAUGHT, DatabricksException.class);
        assertThat(e).isNotNull();
        assertThat(e.getCategory().value()).isEqualTo(category);
        assertThat(sleeps).as("no producer retry").isEmpty();
    }

    private long submitted(String fragment) {
        return WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains(fragment)).size();
    }

    @Test
    void aSyntaxErrorGoesToTheDeadLetterChannelAtOnce() {
        template.sendBodyAndHeader("direct:query", null, "sql", "SELEC 1 AS syntax_check");
        assertDeadLetteredOnFirstAttempt("syntax");
        assertThat(mock("dlq").getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, DatabricksException.class)
                .getSqlState()).isEqualTo("42601");
        assertThat(submitted("syntax_check")).isEqualTo(1);
    }

    @Test
    void aMissingTableGoesToTheDeadLetterChannelAtOnce() {
        template.sendBodyAndHeader("direct:query", null, "sql", "SELECT * FROM main.default.no_such_table_xyz");
        assertDeadLetteredOnFirstAttempt("not_found");
        DatabricksException e = mock("dlq").getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                DatabricksException.class);
        assertThat(e.getSqlState()).isEqualTo("42P01");
        assertThat(e.getErrorClass()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
        // the message says what the warehouse said, naming the table (what a dead-letter log line needs)
        assertThat(e.getMessage()).contains("The table or view `no_such_table_xyz` cannot be found");
        assertThat(submitted("no_such_table_xyz")).isEqualTo(1);
    }

    @Test
    void theWarehouseExplanationIsInTheMessageWithoutLiteralsOrTheStatement() {
        template.sendBodyAndHeader("direct:query", null, "sql",
                "SELECT CAST('card-4111111111111111' AS INT) AS literal_check");
        DatabricksException e = mock("dlq").getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                DatabricksException.class);
        assertThat(e.getCategory().value()).isEqualTo("data");
        assertThat(e.getMessage()).contains("[CAST_INVALID_INPUT]").doesNotContain("4111111111111111")
                .doesNotContain("literal_check").doesNotContain("\n");
    }

    @Test
    void aDeniedTableGoesToTheDeadLetterChannelAtOnce() throws Exception {
        String table = newTable("secret");
        sql("CREATE TABLE " + table + " (x INT)");
        WAREHOUSE.warehouse().permissions().deny(WAREHOUSE.warehouse().principal(), table);
        template.sendBodyAndHeader("direct:query", null, "sql", "SELECT * FROM " + table);
        assertDeadLetteredOnFirstAttempt("permission");
        assertThat(submitted("SELECT * FROM " + table)).isEqualTo(1);
    }

    @Test
    void aBadTokenGoesToTheDeadLetterChannelAtOnceWithoutWaitingForThePoolTimeout() {
        template.sendBody("direct:bad-token", null);
        assertDeadLetteredOnFirstAttempt("authentication");
        DatabricksException e = mock("dlq").getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                DatabricksException.class);
        assertThat(e.getHttpStatus()).isEqualTo(401);
        assertThat(e).isInstanceOf(io.github.cameldatabricks.component.error.DatabricksAuthenticationException.class);
        // PWAF troubleshooting "401 Unauthorized": the cause and the fix
        assertThat(e.getMessage()).doesNotContain("not-a-valid-token")
                .contains("the workspace rejected the access token")
                .contains("check that the token or secret is valid and has not expired");
        // fail-fast: the driver's own 401 is reported by the pool wrapper as soon as a connect attempt has failed,
        // not HikariCP's "Connection is not available, request timed out after 30000ms" at connectionTimeout
        assertThat(e.getCause()).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageStartingWith("Could not open a connection to the warehouse: ")
                .hasMessageNotContaining("Connection is not available")
                .hasMessageNotContaining("timed out");
        assertThat(e).rootCause().hasMessageContaining("401").hasMessageNotContaining("not-a-valid-token");
        // the 401 is the warehouse's answer to a real openSession with the bad token (the only 401s in this class)
        await().atMost(Duration.ofSeconds(30)).until(() -> !rejectedSessions().isEmpty());
        assertThat(rejectedSessions()).allSatisfy(s -> assertThat(s.principal()).isNull());
    }

    private List<AuditEvent> rejectedSessions() {
        return WAREHOUSE.audit().events(ev -> ev.actionName().equals("openSession") && ev.statusCode() == 401);
    }

    @Test
    void anInsertWhoseConnectionDropsAfterExecutionIsAmbiguousAndNotRetried() throws Exception {
        String table = newTable("ambiguous");
        sql("CREATE TABLE " + table + " (id INT)");
        WAREHOUSE.faults().inject(Fault.executeThenDrop().onlyFor("ExecuteStatement"), 1);
        template.sendBodyAndHeader("direct:query", Map.of("id", 7), "sql", "INSERT INTO " + table + " VALUES (:#id)");
        assertDeadLetteredOnFirstAttempt("ambiguous");
        assertThat(mock("dlq").getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(io.github.cameldatabricks.component.error.DatabricksAmbiguousOutcomeException.class);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(1L);
        assertThat(submitted("INSERT INTO " + table)).isEqualTo(1);
    }

    /**
     * A Delta write conflict (a concurrent writer committed first: DELTA_CONCURRENT_APPEND, SQLSTATE 2D521) committed
     * nothing, so the producer retries the INSERT itself: delivered, one row, two submits.
     */
    @Test
    void anInsertThatHitAWriteConflictIsRetriedAndWritesOneRow() throws Exception {
        String table = newTable("conflict");
        sql("CREATE TABLE " + table + " (id INT)");
        WAREHOUSE.faults().inject(Fault.writeConflict(), 1);
        mock("delivered").expectedMessageCount(1);
        template.sendBodyAndHeader("direct:query", Map.of("id", 8), "sql", "INSERT INTO " + table + " VALUES (:#id)");
        mock("delivered").assertIsSatisfied();
        assertThat(mock("delivered").getExchanges().get(0).getMessage().getHeader("CamelDatabricksAttempts"))
                .isEqualTo(2);
        assertThat(sleeps).as("one back-off before the retry").hasSize(1);
        assertThat(scalar("SELECT count(*) FROM " + table)).isEqualTo(1L);
        assertThat(submitted("INSERT INTO " + table)).isEqualTo(2);
    }

    @Test
    void aBurstOf503WithAShortRetryAfterIsWaitedOutByTheDriverInOneProducerAttempt() {
        long unavailableBefore = submitsAnswered503();
        WAREHOUSE.faults().inject(Fault.serviceUnavailable(1).onlyFor("ExecuteStatement"), 3);
        for (int i = 0; i < 10; i++) {
            template.sendBodyAndHeader("direct:query", null, "sql", "SELECT " + i + " AS short_burst");
        }
        assertThat(mock("delivered").getReceivedCounter()).isEqualTo(10);
        assertThat(mock("dlq").getReceivedCounter()).isZero();
        assertThat(mock("attempts").getReceivedCounter()).as("no route redelivery").isEqualTo(10);
        assertThat(sleeps).as("no producer back-off: the driver honoured each Retry-After").isEmpty();
        assertThat(mock("delivered").getExchanges()).extracting(e -> e.getMessage().getHeader(
                DatabricksConstants.ATTEMPTS, Integer.class)).containsOnly(1);
        assertThat(submitsAnswered503() - unavailableBefore).isEqualTo(3);
    }

    private static long submitsAnswered503() {
        return WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit") && e.statusCode() == 503).size();
    }

    /** A Retry-After longer than the driver's window comes to the producer at once (see WarehouseTarget). */
    @Test
    void aBurstOf503WithRetryAfterEndsWithEveryExchangeDelivered() {
        WAREHOUSE.faults().inject(Fault.serviceUnavailable(30).onlyFor("ExecuteStatement"), 6);
        for (int i = 0; i < 10; i++) {
            template.sendBodyAndHeader("direct:query", null, "sql", "SELECT " + i + " AS burst_check");
        }
        assertThat(mock("delivered").getReceivedCounter()).isEqualTo(10);
        assertThat(mock("dlq").getReceivedCounter()).isZero();
        // the first exchange: 4 producer attempts (3 back-offs) fail, the route redelivers it once, and its
        // second producer call succeeds on the third attempt (2 more back-offs)
        assertThat(mock("attempts").getReceivedCounter()).isEqualTo(11);
        assertThat(sleeps).hasSize(5);
        assertThat(sleeps.get(1)).isGreaterThan(sleeps.get(0));
        assertThat(mock("delivered").getExchanges()).extracting(e -> e.getMessage().getHeader(
                DatabricksConstants.ATTEMPTS, Integer.class)).containsExactly(3, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void a429WaitsAtLeastItsRetryAfter() {
        WAREHOUSE.faults().inject(Fault.rateLimited(2).onlyFor("ExecuteStatement"), 1);
        template.sendBodyAndHeader("direct:query", null, "sql", "SELECT 'after 429' AS rate_check");
        assertThat(mock("delivered").getReceivedCounter()).isEqualTo(1);
        assertThat(mock("dlq").getReceivedCounter()).isZero();
        AuditEvent limited = WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && e.statusCode() == 429).get(0);
        AuditEvent retried = WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText")).contains("rate_check")).get(0);
        // the driver honours Retry-After (only it sees the header), inside the producer's single attempt; the
        // warehouse's own clock shows the gap (a lower bound: waiting can only make it longer)
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Duration.between(limited.time(), retried.time())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(mock("delivered").getExchanges().get(0).getMessage().getHeader(DatabricksConstants.ATTEMPTS))
                .isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }
}
