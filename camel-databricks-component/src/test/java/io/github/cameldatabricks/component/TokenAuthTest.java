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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** authMode=pat and authMode=token-env (a pre-obtained OAuth token) end to end, selected by option or APP_AUTH_TYPE. */
class TokenAuthTest {

    private static final String SP = "6f1c1a55-0d3e-4f59-9a35-0b0c3c1e0a11";
    private static final String SP_SECRET = "sp-secret-value";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    /** A real OAuth access token from the warehouse's OIDC endpoint (client credentials). */
    private static String oauthToken() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().addServicePrincipal(SP, SP_SECRET, "token-env-test");
        return w.oidc().requestClientCredentialsToken(SP, SP_SECRET);
    }

    private static Object currentUser(Environment environment, String options) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        CamelContext context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(environment);
        context.addComponent("databricks", component);
        context.start();
        try {
            return context.createProducerTemplate().requestBody("databricks:SELECT current_user() AS u"
                    + "?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath=" + w.httpPath() + options,
                    (Object) null);
        } finally {
            context.stop();
        }
    }

    private static AuditEvent lastSubmitBy(String userAgentPart) {
        return WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.userAgent()).contains(userAgentPart)).stream()
                .reduce((a, b) -> b).orElseThrow();
    }

    /**
     * A rejected PAT reaches the warehouse once per exchange: the exchange fails on the first 401 and the pool makes no
     * further attempt in the background with the same credential (HikariCP retries a failed connect for as long as a
     * borrower could still be waiting).
     */
    @Test
    void aRejectedTokenReachesTheWarehouseOncePerExchange() {
        java.util.function.LongSupplier rejected = () -> WAREHOUSE.audit().events(e -> e.statusCode() == 401)
                .size();
        long before = rejected.getAsLong();
        Throwable failed = catchThrowable(() -> currentUser(Environment.empty(), "&authMode=pat&token=RAW("
                + "dapi-not-a-valid-token-0001)&maxRetries=3"));
        assertThat(failed).hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(rejected.getAsLong() - before).isEqualTo(1);
        // a background attempt would follow within HikariCP's first back-off (milliseconds)
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(1500))
                .atMost(java.time.Duration.ofSeconds(3)).until(() -> rejected.getAsLong() - before == 1);
    }

    @Test
    void patRunsAsTheTokensPrincipal() {
        Object user = currentUser(Environment.empty(), "&authMode=pat&token=RAW(" + WAREHOUSE.warehouse().token()
                + ")&userAgentEntry=Acme_PatCheck/1.0");
        assertThat(user).isEqualTo(WAREHOUSE.warehouse().principal());
        AuditEvent submit = lastSubmitBy("Acme_PatCheck");
        assertThat(submit.authMethod()).isEqualTo("pat");
        assertThat(submit.principal()).isEqualTo(WAREHOUSE.warehouse().principal());
    }

    @Test
    void aPreObtainedOAuthTokenRunsAsItsPrincipalWithOAuth() throws Exception {
        String token = oauthToken();
        Object user = currentUser(Environment.empty(), "&authMode=token-env&accessToken=RAW(" + token + ")"
                + "&userAgentEntry=Acme_TokenOption/1.0");
        assertThat(user).isEqualTo(SP);
        AuditEvent submit = lastSubmitBy("Acme_TokenOption");
        assertThat(submit.principal()).isEqualTo(SP);
        assertThat(submit.authMethod()).isEqualTo("oauth");
    }

    @Test
    void appAuthTypeAndDatabricksAccessTokenSelectTokenFromEnv() throws Exception {
        String token = oauthToken();
        Object user = currentUser(Environment.of(Map.of("APP_AUTH_TYPE", "token_env",
                "DATABRICKS_ACCESS_TOKEN", token)), "&userAgentEntry=Acme_TokenEnv/1.0");
        assertThat(user).isEqualTo(SP);
        assertThat(lastSubmitBy("Acme_TokenEnv").authMethod()).isEqualTo("oauth");
    }

    @Test
    void anExpiredPreObtainedTokenIsReportedAtCreationWithTheFix() {
        String expired = jwt(Instant.now().minusSeconds(120));
        Throwable t = catchThrowable(() -> currentUser(Environment.empty(), "&authMode=token-env&accessToken=RAW("
                + expired + ")"));
        assertThat(t).hasMessageContaining("expired at").hasMessageContaining("obtain a new token")
                .hasMessageNotContaining(expired);
    }

    private static String jwt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"x\",\"exp\":" + exp.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8))
                + ".sig";
    }
}
