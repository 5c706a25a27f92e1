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
package io.github.cameldatabricks.component.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksAuthenticationException;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** OAuth M2M with a service principal, end to end against LocalWarehouse's OIDC and SQL endpoint. */
class OAuthM2mTest {

    static final String SP = "9a4f1b2c-3d5e-4f60-8a71-b2c3d4e5f607";
    static final String SP_SECRET = "dose-m2m-secret-value";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @BeforeAll
    static void registerServicePrincipal() {
        WAREHOUSE.warehouse().oidc().addServicePrincipal(SP, SP_SECRET, "etl-bot");
    }

    static CamelContext context(Environment environment) {
        return TestContexts.startedWith(environment);
    }

    private static String endpoint(String options) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "databricks:SELECT current_user() AS u?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath="
                + w.httpPath() + options;
    }

    @Test
    void aServicePrincipalRunsARouteWithOneTokenForManyExchangesAndPooledConnections() {
        long before = WAREHOUSE.warehouse().oidc().tokensIssued("client_credentials");
        CamelContext context = context(Environment.empty());
        try {
            String uri = endpoint("&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")"
                    + "&poolSize=3&userAgentEntry=Acme_M2mRoute/1.0");
            List<Object> users = IntStream.range(0, 30).parallel()
                    .mapToObj(i -> context.createProducerTemplate().requestBody(uri, (Object) null)).toList();
            assertThat(users).hasSize(30).containsOnly(SP);
        } finally {
            context.stop();
        }
        assertThat(WAREHOUSE.warehouse().oidc().tokensIssued("client_credentials") - before)
                .as("token requests for 30 exchanges").isEqualTo(1);
        List<AuditEvent> submits = WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.userAgent()).contains("Acme_M2mRoute/1.0"));
        assertThat(submits).hasSize(30).allSatisfy(e -> {
            assertThat(e.principal()).isEqualTo(SP);
            assertThat(e.authMethod()).isEqualTo("oauth");
        });
    }

    @Test
    void appAuthTypeAndTheM2mVariablesSelectM2m() {
        CamelContext context = context(Environment.of(Map.of("APP_AUTH_TYPE", "m2m", "DATABRICKS_CLIENT_ID", SP,
                "DATABRICKS_CLIENT_SECRET", SP_SECRET)));
        try {
            assertThat(context.createProducerTemplate().requestBody(endpoint(""), (Object) null)).isEqualTo(SP);
        } finally {
            context.stop();
        }
    }

    /** PWAF troubleshooting: invalid_client. */
    @Test
    void aWrongSecretIsInvalidClientAndTheMessageSaysWhatToCheck() {
        CamelContext context = context(Environment.empty());
        try {
            Throwable t = catchThrowable(() -> context.createProducerTemplate().requestBody(endpoint(
                    "&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(wrong-secret-value)"), (Object) null));
            assertThat(t.getCause()).isInstanceOf(DatabricksAuthenticationException.class);
            assertThat(t.getCause().getMessage()).contains("invalid_client")
                    .contains("service principal's application id").contains("secret is current")
                    .doesNotContain("wrong-secret-value");
            assertThat(((DatabricksAuthenticationException) t.getCause()).getHttpStatus()).isEqualTo(401);
        } finally {
            context.stop();
        }
    }

    @Test
    void anUnavailableTokenEndpointIsANetworkFailureNotAColdStart() {
        long stateChecksBefore = WAREHOUSE.audit().count("getWarehouse");
        WAREHOUSE.warehouse().faults().inject(Fault.serviceUnavailable(5).onlyFor("tokenRequest"), 1);
        CamelContext context = context(Environment.empty());
        try {
            String uri = endpoint("&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")"
                    + "&maxRetries=0");
            Throwable t = catchThrowable(() -> context.createProducerTemplate().requestBody(uri, (Object) null));
            assertThat(t.getCause()).isInstanceOf(DatabricksException.class);
            DatabricksException failure = (DatabricksException) t.getCause();
            assertThat(failure.getCategory()).isEqualTo(ErrorCategory.NETWORK);
            assertThat(failure.isRetryable()).isTrue();
            assertThat(failure.getHttpStatus()).isEqualTo(503);
            assertThat(failure.getMessage()).contains("OAuth endpoint").doesNotContain(SP_SECRET);
            assertThat(WAREHOUSE.audit().count("getWarehouse")).as("no warehouse state check")
                    .isEqualTo(stateChecksBefore);
            // the endpoint is back: the next exchange gets a token
            assertThat(context.createProducerTemplate().requestBody(uri, (Object) null)).isEqualTo(SP);
        } finally {
            context.stop();
        }
    }

    @Test
    void aRateLimitedTokenEndpointIsRateLimit() {
        WAREHOUSE.warehouse().faults().inject(Fault.rateLimited(1).onlyFor("tokenRequest"), 1);
        CamelContext context = context(Environment.empty());
        try {
            Throwable t = catchThrowable(() -> context.createProducerTemplate().requestBody(endpoint(
                    "&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW(" + SP_SECRET + ")&maxRetries=0"),
                    (Object) null));
            DatabricksException failure = (DatabricksException) t.getCause();
            assertThat(failure.getCategory()).isEqualTo(ErrorCategory.RATE_LIMIT);
            assertThat(failure.isRetryable()).isTrue();
            assertThat(failure.getMessage()).contains("OAuth endpoint is rate limiting");
        } finally {
            context.stop();
        }
    }

    /** PWAF troubleshooting: More than one authorization method. */
    @Test
    void aPatNextToM2mVariablesIsReportedByNameInsteadOfFailingInsideALibrary() throws Exception {
        CamelContext context = context(Environment.of(Map.of("DATABRICKS_TOKEN", "dapi-ambient",
                "DATABRICKS_CLIENT_ID", SP, "DATABRICKS_CLIENT_SECRET", SP_SECRET)));
        try {
            Throwable t = catchThrowable(() -> context.getEndpoint(endpoint("")));
            assertThat(t).hasMessageContaining("More than one authorization method")
                    .hasMessageContaining("DATABRICKS_TOKEN (pat)")
                    .hasMessageContaining("DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET (oauth-m2m)")
                    .hasMessageContaining("clean environment").hasMessageNotContaining(SP_SECRET)
                    .hasMessageNotContaining("dapi-ambient");
            // the PWAF selector (APP_AUTH_TYPE) settles a mixed environment: the chosen flow wins, the others are named at INFO
            String log;
            try (CamelContext second = context(Environment.of(Map.of("APP_AUTH_TYPE", "oauth_m2m",
                    "DATABRICKS_CLIENT_ID", SP, "DATABRICKS_CLIENT_SECRET", SP_SECRET, "DATABRICKS_U2M_CLIENT_ID",
                    "u2m-app", "DATABRICKS_TOKEN", "dapi-ambient")))) {
                log = io.github.cameldatabricks.component.LogCapture.during(() -> assertThat(
                        second.createProducerTemplate().requestBody(endpoint(""), (Object) null)).isEqualTo(SP));
            }
            assertThat(log).contains("APP_AUTH_TYPE selects oauth-m2m; ignoring the variables of other flows:")
                    .contains("DATABRICKS_U2M_CLIENT_ID").contains("DATABRICKS_TOKEN").doesNotContain("dapi-ambient")
                    .doesNotContain("u2m-app");
        } finally {
            context.stop();
        }
    }

    @Test
    void missingM2mVariablesAreReportedAllAtOnce() throws Exception {
        Throwable t;
        try (CamelContext context = context(Environment.of(Map.of("APP_AUTH_TYPE", "oauth_m2m")))) {
            t = catchThrowable(() -> context.getEndpoint(endpoint("")));
        }
        assertThat(t).hasMessageContaining("Missing for authMode=oauth-m2m: DATABRICKS_CLIENT_ID,"
                + " DATABRICKS_CLIENT_SECRET");
    }

    @Test
    void anEndpointWithItsOwnCredentialsIgnoresConflictingAmbientVariables() {
        CamelContext context = context(Environment.of(Map.of("APP_AUTH_TYPE", "pat", "DATABRICKS_TOKEN", "x",
                "DATABRICKS_U2M_CLIENT_ID", "someone-elses-app")));
        try {
            assertThat(context.createProducerTemplate().requestBody(endpoint("&authMode=oauth-m2m&clientId=" + SP
                    + "&clientSecret=RAW(" + SP_SECRET + ")"), (Object) null)).isEqualTo(SP);
        } finally {
            context.stop();
        }
    }
}
