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
package io.github.cameldatabricks.component.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Each failure is produced for real — the unmodified driver against LocalWarehouse — and classified. Covers the PWAF
 * classification table (401, invalid_client, 403/permission, syntax, not found, 429, 503, connection refused) and the
 * troubleshooting rows that apply to SQL execution.
 */
class ErrorClassifierTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10).directResultsWait(Duration.ofMillis(100)));

    private static final String RETRY = ";TemporarilyUnavailableRetryTimeout=1;RateLimitRetryTimeout=1";

    private static LocalWarehouse w() {
        return WAREHOUSE.warehouse();
    }

    /** Runs sql on a new connection and classifies the failure in the phase where it happened. */
    private static ErrorClassification failure(String url, String sql) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            return ErrorClassifier.classify(e, ExecutionPhase.CONNECT);
        }
        try (connection; Statement s = connection.createStatement()) {
            s.setQueryTimeout(2);
            s.execute(sql);
        } catch (SQLException e) {
            return ErrorClassifier.classify(e, ExecutionPhase.EXECUTE);
        }
        throw new AssertionError("expected '" + sql + "' to fail");
    }

    private static ErrorClassification withFault(Fault fault, String sql) {
        w().faults().inject(fault, 20);
        try {
            return failure(w().jdbcUrl() + RETRY, sql);
        } finally {
            w().faults().clear();
        }
    }

    @Test
    void aStatementCancelledByTheClientIsCancelled() throws Exception {
        long submitsBefore = w().audit().count("commandSubmit");
        w().faults().inject(Fault.slowStatement(Duration.ofSeconds(30)), 1);
        try (Connection connection = DriverManager.getConnection(w().jdbcUrl());
                Statement statement = connection.createStatement()) {
            java.util.concurrent.CompletableFuture<SQLException> running = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            statement.execute("SELECT 1 AS cancelled_check");
                            return null;
                        } catch (SQLException e) {
                            return e;
                        }
                    });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> w().audit().count("commandSubmit") > submitsBefore);
            // a cancel that reaches the driver before ExecuteStatement has returned the operation handle has
            // nothing to cancel: cancel until the statement ends (the slow statement would run 30 s)
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        statement.cancel();
                        return running.isDone();
                    });
            SQLException failure = running.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat((Object) failure).as("the cancelled statement fails").isNotNull();
            ErrorClassification c = ErrorClassifier.classify(failure, ExecutionPhase.EXECUTE);
            assertThat(c.category()).isEqualTo(ErrorCategory.CANCELLED);
            assertThat(c.retryable()).isFalse();
        } finally {
            w().faults().clear();
        }
    }

    @Test
    void aDeltaWriteConflictIsARetryableConflict() {
        ErrorClassification c = withFault(Fault.writeConflict(), "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(c.retryable()).isTrue();
        assertThat(c.sqlState()).isEqualTo("2D521");
        assertThat(c.errorClass()).isEqualTo("DELTA_CONCURRENT_APPEND.ROW_LEVEL_CHANGES");
    }

    @Test
    void invalidTokenIsAuthentication() {
        ErrorClassification c = failure(w().jdbcUrl("dapi-wrong"), "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(c.retryable()).isFalse();
        assertThat(c.httpStatus()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsAuthentication() {
        w().tokens().add("dapi-expired", "e@example.com", java.time.Instant.now().minusSeconds(5));
        assertThat(failure(w().jdbcUrl("dapi-expired"), "SELECT 1").category()).isEqualTo(ErrorCategory.AUTHENTICATION);
    }

    @Test
    void unauthorizedMidSessionIsAuthentication() {
        assertThat(withFault(Fault.unauthorized().onlyFor("ExecuteStatement"), "SELECT 1").category())
                .isEqualTo(ErrorCategory.AUTHENTICATION);
    }

    @Test
    void invalidClientFromTheTokenEndpointIsAuthentication() {
        w().oidc().addServicePrincipal("sp-classify", "right-secret", "sp");
        String url = w().jdbcUrlWithoutCredentials() + ";AuthMech=11;Auth_Flow=1;OAuth2ClientId=sp-classify"
                + ";OAuth2Secret=wrong-secret;OAuthDiscoveryURL=" + w().baseUrl()
                + "/oidc/.well-known/oauth-authorization-server";
        ErrorClassification c = failure(url, "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(c.httpStatus()).isEqualTo(401);
    }

    @Test
    void deniedTableIsPermission() throws Exception {
        String table = "denied_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(w().jdbcUrl())) {
            c.createStatement().execute("CREATE TABLE " + table + " (id INT)");
        }
        w().permissions().deny(w().principal(), "main.default." + table);
        ErrorClassification c = failure(w().jdbcUrl(), "SELECT * FROM " + table);
        assertThat(c.category()).isEqualTo(ErrorCategory.PERMISSION);
        assertThat(c.sqlState()).isEqualTo("42501");
        assertThat(c.errorClass()).isEqualTo("INSUFFICIENT_PERMISSIONS");
    }

    @Test
    void http403IsPermission() {
        ErrorClassification atExecute = withFault(Fault.forbidden().onlyFor("ExecuteStatement"), "SELECT 1");
        assertThat(atExecute.category()).isEqualTo(ErrorCategory.PERMISSION);
        assertThat(atExecute.retryable()).isFalse();
        assertThat(atExecute.httpStatus()).isEqualTo(403);
        ErrorClassification atConnect = withFault(Fault.forbidden().onlyFor("OpenSession"), "SELECT 1");
        assertThat(atConnect.category()).isEqualTo(ErrorCategory.PERMISSION);
    }

    @Test
    void parseAndAnalysisErrorsAreSyntax() {
        ErrorClassification parse = failure(w().jdbcUrl(), "SELEC 1");
        assertThat(parse.category()).isEqualTo(ErrorCategory.SYNTAX);
        assertThat(parse.sqlState()).isEqualTo("42601");
        assertThat(parse.errorClass()).isEqualTo("PARSE_SYNTAX_ERROR");
        assertThat(failure(w().jdbcUrl(), "SELECT nope FROM samples.nyctaxi.trips").category())
                .isEqualTo(ErrorCategory.SYNTAX);
    }

    @Test
    void missingTableIsNotFound() {
        ErrorClassification c = failure(w().jdbcUrl(), "SELECT * FROM main.default.missing_table");
        assertThat(c.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(c.sqlState()).isEqualTo("42P01");
        assertThat(c.errorClass()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
        assertThat(failure(w().jdbcUrl(), "USE CATALOG missing_catalog").category()).isEqualTo(ErrorCategory.NOT_FOUND);
    }

    @Test
    void wrongWarehouseIsNotFound() {
        ErrorClassification c = failure(w().jdbcUrl().replace(w().warehouseId(), "ffffffffffffffff"), "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(c.httpStatus()).isEqualTo(404);
    }

    @Test
    void rateLimitIsRetryable() {
        ErrorClassification c = withFault(Fault.rateLimited(1).onlyFor("ExecuteStatement"), "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(c.retryable()).isTrue();
        assertThat(c.httpStatus()).isEqualTo(429);
    }

    @Test
    void serviceUnavailableIsWarehouseUnavailable() {
        ErrorClassification withRetryAfter = withFault(Fault.serviceUnavailable(1).onlyFor("ExecuteStatement"),
                "SELECT 1");
        assertThat(withRetryAfter.category()).isEqualTo(ErrorCategory.WAREHOUSE_UNAVAILABLE);
        assertThat(withRetryAfter.retryable()).isTrue();
        ErrorClassification withoutRetryAfter = withFault(
                Fault.serviceUnavailableWithoutRetryAfter().onlyFor("ExecuteStatement"), "SELECT 1");
        assertThat(withoutRetryAfter.category()).isEqualTo(ErrorCategory.WAREHOUSE_UNAVAILABLE);
        ErrorClassification atConnect = withFault(Fault.serviceUnavailable(1).onlyFor("OpenSession"), "SELECT 1");
        assertThat(atConnect.category()).isEqualTo(ErrorCategory.WAREHOUSE_UNAVAILABLE);
    }

    @Test
    void refusedConnectionIsNetworkAndRetryable() {
        ErrorClassification c = failure("jdbc:databricks://127.0.0.1:1/default;httpPath=/sql/1.0/warehouses/x;ssl=0;"
                + "UseThriftClient=1;EnableTelemetry=0;AuthMech=3;UID=token;PWD=x", "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(c.retryable()).isTrue();
    }

    @Test
    void droppedConnectionBeforeSendingIsNetworkAfterSendingIsAmbiguous() {
        assertThat(withFault(Fault.dropConnection().onlyFor("OpenSession"), "SELECT 1").category())
                .isEqualTo(ErrorCategory.NETWORK);
        ErrorClassification afterExecute = withFault(Fault.executeThenDrop(), "SELECT 1");
        assertThat(afterExecute.category()).isEqualTo(ErrorCategory.AMBIGUOUS);
        assertThat(afterExecute.retryable()).isFalse();
    }

    @Test
    void lostConnectionWhilePollingIsAmbiguous() {
        w().faults().inject(Fault.slowStatement(Duration.ofMillis(600)), 1);
        ErrorClassification c = withFault(Fault.dropConnection().onlyFor("GetOperationStatus"), "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.AMBIGUOUS);
        assertThat(c.sqlState()).isEqualTo("08S01");
    }

    /** The 503 that ended the poll must not make a submitted statement look safe to retry. */
    @Test
    void serviceUnavailableWhilePollingIsAmbiguousNotWarehouseUnavailable() {
        w().faults().inject(Fault.slowStatement(Duration.ofMillis(600)), 1);
        ErrorClassification c = withFault(Fault.serviceUnavailableWithoutRetryAfter().onlyFor("GetOperationStatus"),
                "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.AMBIGUOUS);
        assertThat(c.retryable()).isFalse();
    }

    @Test
    void timeoutAndDataErrors() {
        w().faults().inject(Fault.slowStatement(Duration.ofSeconds(30)), 1);
        assertThat(failure(w().jdbcUrl(), "SELECT 1").category()).isEqualTo(ErrorCategory.TIMEOUT);
        ErrorClassification cast = failure(w().jdbcUrl(), "SELECT CAST('abc' AS INT)");
        assertThat(cast.category()).isEqualTo(ErrorCategory.DATA);
        assertThat(cast.sqlState()).isEqualTo("22018");
    }

    @Test
    void unknownHostIsNetworkButNotRetryable() {
        ErrorClassification c = failure("jdbc:databricks://no-such-host.invalid:443/default;httpPath=/sql/1.0/"
                + "warehouses/x;UseThriftClient=1;EnableTelemetry=0;AuthMech=3;UID=token;PWD=x", "SELECT 1");
        assertThat(c.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(c.retryable()).isFalse();
    }

    @Test
    void unrecognisedFailureIsUnknown() {
        assertThat(ErrorClassifier.classify(new IllegalStateException("boom"), ExecutionPhase.EXECUTE).category())
                .isEqualTo(ErrorCategory.UNKNOWN);
    }
}
