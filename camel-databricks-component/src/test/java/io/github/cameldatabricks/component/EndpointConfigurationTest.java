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

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * How endpoint options resolve (URI, then component option, then environment), and how bad input fails at endpoint
 * creation naming the option, without leaking a secret.
 */
class EndpointConfigurationTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    private static final String SECRET = "dapi0123456789abcdef-SECRET";
    private static final String PATH = "/sql/1.0/warehouses/abc123def456";

    private static CamelContext context(Environment environment) {
        return TestContexts.startedWith(environment);
    }

    private static DatabricksEndpoint endpoint(Environment environment, String uri) {
        CamelContext context = context(environment);
        try {
            return context.getEndpoint(uri, DatabricksEndpoint.class);
        } finally {
            context.stop();
        }
    }

    /** The messages of the whole cause chain of the failure to create the endpoint. */
    private static String failure(Environment environment, String uri) {
        return failure(environment, uri, true);
    }

    /**
     * @param includeCamelsWrapper whether Camel's outermost "Failed to resolve endpoint" message, which quotes the URI
     *                             as the user wrote it, must be secret-free too (it masks only option names that look
     *                             secret, so not a misspelled one)
     */
    private static String failure(Environment environment, String uri, boolean includeCamelsWrapper) {
        CamelContext context = context(environment);
        try {
            Throwable t = catchThrowable(() -> context.getEndpoint(uri));
            assertThat(t).as("creating %s should fail", uri).isNotNull();
            StringBuilder messages = new StringBuilder();
            for (Throwable c = includeCamelsWrapper ? t : t.getCause(); c != null; c = c.getCause()) {
                messages.append(c.getMessage()).append('\n');
            }
            assertThat(messages.toString()).doesNotContain(SECRET);
            return messages.toString();
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "https://myworkspace.cloud.databricks.com/, https://myworkspace.cloud.databricks.com",
            "myworkspace.cloud.databricks.com, https://myworkspace.cloud.databricks.com",
            "MyWorkspace.cloud.databricks.com:8443, https://myworkspace.cloud.databricks.com:8443",
            "https://adb-123.4.azuredatabricks.net/?o=123, https://adb-123.4.azuredatabricks.net",
            "http://127.0.0.1:8080, http://127.0.0.1:8080",
            "http://localhost:8080/, http://localhost:8080",
    })
    void hostIsNormalisedFromEveryFormUsersWrite(String host, String url) {
        DatabricksEndpoint endpoint = endpoint(Environment.empty(), "databricks:select 1?host=" + host
                + "&httpPath=" + PATH + "&token=RAW(" + SECRET + ")");
        assertThat(endpoint.getServiceUrl()).isEqualTo(url + PATH);
    }

    @Test
    void warehouseIdIsAnAlternativeToHttpPath() {
        DatabricksEndpoint endpoint = endpoint(Environment.empty(),
                "databricks:select 1?host=h.cloud.databricks.com&warehouseId=abc123def456&token=t");
        assertThat(endpoint.getServiceUrl()).isEqualTo("https://h.cloud.databricks.com" + PATH);
        assertThat(endpoint.getServiceMetadata()).containsEntry("warehouseId", "abc123def456")
                .containsEntry("authMode", "pat");
    }

    @Test
    void uriOptionsWinOverComponentOptionsWhichWinOverTheEnvironment() {
        Environment environment = Environment.of(Map.of("DATABRICKS_HOST", "env.cloud.databricks.com",
                "DATABRICKS_HTTP_PATH", "/sql/1.0/warehouses/fromenv", "DATABRICKS_TOKEN", "env-token"));
        CamelContext context = context(environment);
        try {
            DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);
            assertThat(context.getEndpoint("databricks:select 1", DatabricksEndpoint.class).getServiceUrl())
                    .isEqualTo("https://env.cloud.databricks.com/sql/1.0/warehouses/fromenv");
            component.getConfiguration().setHost("component.cloud.databricks.com");
            assertThat(context.getEndpoint("databricks:select 2", DatabricksEndpoint.class).getServiceUrl())
                    .isEqualTo("https://component.cloud.databricks.com/sql/1.0/warehouses/fromenv");
            assertThat(context.getEndpoint("databricks:select 3?host=uri.cloud.databricks.com&warehouseId=fromuri",
                    DatabricksEndpoint.class).getServiceUrl())
                    .isEqualTo("https://uri.cloud.databricks.com/sql/1.0/warehouses/fromuri");
        } finally {
            context.stop();
        }
    }

    @Test
    void theEnvironmentAloneIsEnoughToRunAQuery() {
        LocalWarehouse w = WAREHOUSE.warehouse();
        CamelContext context = context(Environment.of(Map.of("DATABRICKS_HOST", w.baseUrl(),
                "DATABRICKS_HTTP_PATH", w.httpPath(), "DATABRICKS_TOKEN", w.token())));
        try {
            Object count = context.createProducerTemplate().requestBody(
                    "databricks:SELECT count(*) FROM samples.nyctaxi.trips?outputType=SelectOne", (Object) null);
            assertThat(count).isEqualTo(10L);
        } finally {
            context.stop();
        }
    }

    @Test
    void anAmbientAppAuthTypeDoesNotChangeAnEndpointWithItsOwnToken() {
        LocalWarehouse w = WAREHOUSE.warehouse();
        CamelContext context = context(Environment.of(Map.of("APP_AUTH_TYPE", "oauth_m2m",
                "DATABRICKS_HOST", "elsewhere.cloud.databricks.com", "DATABRICKS_TOKEN", "someone-elses-token")));
        try {
            String uri = "databricks:SELECT current_user() AS u?outputType=SelectOne&host=" + w.baseUrl()
                    + "&httpPath=" + w.httpPath() + "&token=RAW(" + w.token() + ")"
                    + "&userAgentEntry=Ambient_Check/1.0";
            assertThat(context.createProducerTemplate().requestBody(uri, (Object) null)).isEqualTo(w.principal());
            List<AuditEvent> mine = w.audit().events(e -> String.valueOf(e.userAgent()).contains("Ambient_Check"));
            assertThat(mine).isNotEmpty().allSatisfy(e -> assertThat(e.authMethod()).isEqualTo("pat"));
        } finally {
            context.stop();
        }
    }

    /** An empty placeholder ({@code authMode={{?mode}}} with no value) means unset, as for the other auth options. */
    @Test
    void aBlankAuthModeIsUnsetAndAnyCaseOrUnderscoreSpellingIsAccepted() {
        assertThat(endpoint(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&token=t&authMode=").getServiceMetadata()).containsEntry("authMode", "pat");
        assertThat(endpoint(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&accessToken=t&authMode=TOKEN_ENV").getServiceMetadata()).containsEntry("authMode", "token-env");
    }

    @Test
    void appAuthTypeSelectsTheModeWhenTheEndpointSetsNone() {
        DatabricksEndpoint endpoint = endpoint(Environment.of(Map.of("APP_AUTH_TYPE", "token_env",
                "DATABRICKS_ACCESS_TOKEN", "an-oauth-token")),
                "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1");
        assertThat(endpoint.getServiceMetadata()).containsEntry("authMode", "token-env");
    }

    @Test
    void secretsAreMaskedInToStringAndTheEndpointUri() {
        DatabricksEndpoint endpoint = endpoint(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com"
                + "&warehouseId=w1&token=RAW(" + SECRET + ")");
        assertThat(endpoint.getConfiguration().getToken()).isEqualTo(SECRET);
        assertThat(endpoint.toString()).doesNotContain(SECRET).contains("token=xxxxxx");
    }

    @Test
    void unknownOptionsAreNamed() {
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&token=RAW(" + SECRET + ")&pooolSize=3")).contains("Unknown option(s) pooolSize");
    }

    @Test
    void aMisspelledSecretOptionDoesNotLeakItsValueInTheComponentsMessage() {
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&tokn=" + SECRET + "&token=t", false)).contains("Unknown option(s) tokn").contains("tokn=xxxxxx");
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&tokn=" + SECRET, false)).contains("Cannot configure default credentials").contains("tokn=xxxxxx");
    }

    @Test
    void driverPasswordsSetAsComponentOptionsReachTheEndpointAndStayOutOfItsString() throws Exception {
        try (CamelContext context = context(Environment.empty())) {
            DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);
            // what camel.component.databricks.jdbcProperties[ProxyPwd]=... in application.properties does
            org.apache.camel.support.PropertyBindingSupport.build().bind(context, component,
                    "jdbcProperties[ProxyPwd]", "proxy-" + SECRET);
            DatabricksEndpoint endpoint = context.getEndpoint("databricks:select 1?host=h.cloud.databricks.com"
                    + "&warehouseId=w1&token=RAW(" + SECRET + ")&jdbc.SSLTrustStorePwd=RAW(store-" + SECRET + ")",
                    DatabricksEndpoint.class);
            assertThat(endpoint.getConfiguration().getJdbcProperties()).containsEntry("ProxyPwd", "proxy-" + SECRET)
                    .containsEntry("SSLTrustStorePwd", "store-" + SECRET);
            assertThat(endpoint.toString()).doesNotContain(SECRET).contains("jdbc.SSLTrustStorePwd=xxxxxx");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com:8080/callback", "http://localhost/callback",
            "https://localhost:8080/callback" })
    void aU2mRedirectUriThatIsNotALoopbackWithAPortFailsAtCreation(String redirectUri) {
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&authMode=oauth-u2m&clientId=app&redirectUri=" + redirectUri))
                .contains("Invalid redirectUri '" + redirectUri + "'")
                .contains("on this machine and with an explicit port");
        assertThat(failure(Environment.of(java.util.Map.of("APP_AUTH_TYPE", "u2m", "DATABRICKS_U2M_CLIENT_ID", "app",
                "DATABRICKS_REDIRECT_URI", redirectUri)), "databricks:select 1?host=h.cloud.databricks.com"
                        + "&warehouseId=w1"))
                .contains("Invalid DATABRICKS_REDIRECT_URI '" + redirectUri + "'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "host=ftp://h.example.com                | Invalid host 'ftp://h.example.com'",
            "host=https://user@h.example.com         | Invalid host",
            "host=http://h.cloud.databricks.com      | plain http:// is accepted only for a loopback address",
            "host=http://10.0.0.5:8080               | a workspace needs https://",
            "httpPath=/sql/warehouses/x              | Invalid httpPath '/sql/warehouses/x'",
            "httpPath=/sql/1.0/warehouses/a&warehouseId=b | name different warehouses",
            "userAgentEntry=My Product 1.0           | Invalid userAgentEntry 'My Product 1.0': expected <ISV-Name>_<Product-Name>/<Version>",
            "authMode=basic                          | Invalid value 'basic' for option authMode: expected one of pat, token-env, oauth-m2m, oauth-u2m",
            "outputType=StreamList&batch=true        | outputType=StreamList cannot be combined with batch=true",
            "batch=true&useMessageBodyForSql=true    | batch=true cannot be combined with useMessageBodyForSql=true",
            "outputClass=com.example.Missing         | Invalid outputClass 'com.example.Missing'",
            "poolSize=0                              | Invalid poolSize 0: expected at least 1",
            "queryTimeout=-1                         | Invalid queryTimeout -1: expected at least 0 seconds",
            "jdbc.PWD=x                              | Invalid jdbc.PWD",
            "jdbc.UseThriftClient=0                  | Invalid jdbc.UseThriftClient",
            "consentTimeout=0                        | Invalid consentTimeout 0",
            "outputType=Everything                   | outputType",
            "outputClass=java.lang.Integer           | Invalid outputClass 'java.lang.Integer': not a row bean",
            "outputClass=java.util.Map               | Invalid outputClass 'java.util.Map': not a row bean",
            "jdbc.LogLevel=6                         | Invalid jdbc.LogLevel 6: driver log levels above 3 (WARN) write HTTP headers",
            "jdbc.LogLevel=TRACE                     | Invalid jdbc.LogLevel TRACE",
            "jdbc.LogLevel=loud                      | Invalid jdbc.LogLevel 'loud': expected a driver log level 0-3",
            "jdbc.AllowSelfSignedCerts=1             | Invalid jdbc.AllowSelfSignedCerts: switching certificate checks off is not allowed",
            "jdbc.SSLTrustStore=/no/such/store.jks   | Invalid jdbc.SSLTrustStore: no readable trust store file at '/no/such/store.jks'",
            "batchChunkParameters=0                  | Invalid batchChunkParameters 0: expected at least 1",
            "batchChunkBytes=0                       | Invalid batchChunkBytes 0: expected at least 1 bytes",
            "queryTimeout=30s                        | Invalid queryTimeout '30s': expected a whole number up to 2147483647 of seconds",
            "queryTimeout=abc                        | Invalid queryTimeout 'abc'",
            "queryTimeout=1.5                        | Invalid queryTimeout '1.5'",
            "maxRetries=abc                          | Invalid maxRetries 'abc': expected a whole number",
            "maxRows=1e3                             | Invalid maxRows '1e3'",
            "fetchSize=0x10                          | Invalid fetchSize '0x10'",
            "poolSize=99999999999                    | Invalid poolSize '99999999999': expected a whole number up to 2147483647",
            "poolSize=abc                            | Invalid poolSize 'abc'",
            "retryInitialDelay=soon                  | Invalid retryInitialDelay 'soon': expected milliseconds or a duration",
            "retryMultiplier=double                  | Invalid retryMultiplier 'double': expected a decimal number",
            "userAgentEntry=Acme_Integrator/1.0%0D%0AINFO forged | Invalid userAgentEntry 'Acme_Integrator/1.0  INFO forged'",
    })
    void badOptionsFailAtCreationNamingTheOptionAndWhatIsExpected(String options, String expected) {
        String uri = "databricks:select 1?token=RAW(" + SECRET + ")&"
                + (options.contains("host=") ? "" : "host=h.cloud.databricks.com&")
                + (options.contains("httpPath") ? "" : "warehouseId=w1&") + options;
        assertThat(failure(Environment.empty(), uri)).contains(expected).doesNotContain("\r")
                .doesNotContain("\nINFO");
    }

    @Test
    void userInfoInAHostIsMaskedInTheComponentsMessage() throws Exception {
        try (org.apache.camel.CamelContext context = TestContexts.startedWith(Environment.empty())) {
            // Camel's own outer "Failed to resolve endpoint" line quotes the URI as written (documented in
            // docs/configuration.md); the component's message and its masked URI do not
            Throwable root = org.assertj.core.api.Assertions.catchThrowable(() -> context.getEndpoint(
                    "databricks:select 1?token=t&warehouseId=w1&host=https://admin:pa55word@h.example.com"));
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root.getMessage()).contains("Invalid host 'https://***@h.example.com'")
                    .doesNotContain("pa55word");
        }
    }

    @Test
    void aUserAgentEntryIsAtMost128Characters() {
        String entry = "Acme_" + "P".repeat(200) + "/1.0";
        assertThat(failure(Environment.empty(), "databricks:select 1?token=t&host=h.cloud.databricks.com"
                + "&warehouseId=w1&userAgentEntry=" + entry)).contains("at most 128 characters")
                .doesNotContain("P".repeat(100));
    }

    @Test
    void durationsAndWholeNumbersWrittenAsDocumentedAreAccepted() throws Exception {
        try (org.apache.camel.CamelContext context = TestContexts.startedWith(Environment.empty())) {
            DatabricksEndpoint endpoint = context.getEndpoint("databricks:select 1?token=t&host=h.cloud.databricks.com"
                    + "&warehouseId=w1&queryTimeout=30&retryInitialDelay=5s&retryMaxDelay=PT1M&retryMultiplier=1.5"
                    + "&retryBudget=120000", DatabricksEndpoint.class);
            assertThat(endpoint.getConfiguration().getQueryTimeout()).isEqualTo(30);
            assertThat(endpoint.getConfiguration().getRetryInitialDelay()).isEqualTo(5000L);
            assertThat(endpoint.getConfiguration().getRetryMaxDelay()).isEqualTo(60_000L);
            assertThat(endpoint.getConfiguration().getRetryMultiplier()).isEqualTo(1.5);
            assertThat(endpoint.getConfiguration().getRetryBudget()).isEqualTo(120_000L);
        }
    }

    @Test
    void missingSettingsNameTheOptionAndTheVariable() {
        assertThat(failure(Environment.empty(), "databricks:select 1?warehouseId=w1&token=t"))
                .contains("host option").contains("DATABRICKS_HOST");
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&token=t"))
                .contains("httpPath option").contains("warehouseId").contains("DATABRICKS_HTTP_PATH");
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"))
                .contains("Cannot configure default credentials").contains("token").contains("DATABRICKS_TOKEN")
                .contains("DATABRICKS_CLIENT_ID").contains("APP_AUTH_TYPE");
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&authMode=token-env")).contains("Missing for authMode=token-env: DATABRICKS_ACCESS_TOKEN");
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&authMode=oauth-m2m&clientId=abc")).contains("Missing for authMode=oauth-m2m: clientSecret");
        assertThat(failure(Environment.empty(), "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"
                + "&clientId=abc&clientSecret=RAW(" + SECRET + ")")).contains("set authMode=oauth-m2m");
        assertThat(failure(Environment.of(Map.of("DATABRICKS_HTTP_PATH", "warehouses/x")),
                "databricks:select 1?host=h.cloud.databricks.com&token=t")).contains("DATABRICKS_HTTP_PATH");
        assertThat(failure(Environment.empty(), "databricks:?host=h.cloud.databricks.com&warehouseId=w1&token=t"))
                .contains("Missing query");
        assertThat(failure(Environment.empty(), "databricks:classpath:no/such.sql?host=h.cloud.databricks.com"
                + "&warehouseId=w1&token=t")).contains("classpath:no/such.sql");
    }

    @Test
    void anUnknownAppAuthTypeIsNamedWithTheAcceptedSpellings() {
        assertThat(failure(Environment.of(Map.of("APP_AUTH_TYPE", "kerberos")),
                "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"))
                .contains("Invalid APP_AUTH_TYPE 'kerberos'").contains("oauth_m2m").contains("pat");
    }

    @Test
    void theComponentIsFoundBySchemeWithoutRegistration() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThat(context.getComponent("databricks")).isInstanceOf(DatabricksComponent.class);
            assertThat(context.getCamelContextExtension().getEndpointUriFactory("databricks")).isNotNull();
        }
    }
}
