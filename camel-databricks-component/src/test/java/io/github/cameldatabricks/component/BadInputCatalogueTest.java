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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.cameldatabricks.component.env.Environment;

/**
 * The catalogue of bad endpoint input: every case must fail when the endpoint is created, with a message that names the
 * option (or variable) and says what is expected, and with no credential canary anywhere in the exception chain below
 * Camel's own outer wrapper (which quotes the URI as written; see docs/configuration.md). Nothing here may be silently
 * accepted.
 */
class BadInputCatalogueTest {

    private static final String TOKEN = "dapi-catalogue-canary-token-7f3a";
    private static final String SECRET = "catalogue-canary-secret-91be";
    private static final String BASE = "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1&token=RAW("
            + TOKEN + ")";
    /** Looks like a JWT (never a real one): must never be echoed. */
    private static final String FAKE_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ";
    private static CamelContext context;

    @BeforeAll
    static void start() {
        context = TestContexts.startedWith(Environment.empty());
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    /** One bad input: the options appended to a valid endpoint, and what the message must say. */
    static Stream<Arguments> badOptions() {
        List<Arguments> cases = new ArrayList<>();
        // whole-number options: written otherwise, out of range, or below their minimum
        for (String option : List.of("poolSize", "maxRows", "fetchSize", "queryTimeout", "maxMessagesPerPoll",
                "maxRetries", "batchChunkParameters", "batchChunkBytes", "loadFileRows")) {
            for (String bad : List.of("abc", "1.5", "7.0", "1e3", "0x10", "30s", "99999999999", "-", "")) {
                if (!bad.isEmpty()) {
                    cases.add(Arguments.of(option + "=" + bad, "Invalid " + option));
                }
            }
            cases.add(Arguments.of(option + "=-5", "Invalid " + option + " -5: expected at least"));
        }
        // durations
        for (String option : List.of("connectionTimeout", "maxConnectionLifetime", "poolStopTimeout",
                "retryInitialDelay", "retryMaxDelay", "retryBudget", "warehouseStartTimeout",
                "warehouseStatePollInterval", "consentTimeout", "oauthTimeout", "healthCheckCacheTime")) {
            for (String bad : List.of("soon", "1.5s", "-1", "10 minutes", "PTXS")) {
                cases.add(Arguments.of(option + "=" + bad, "Invalid " + option));
            }
        }
        for (String bad : List.of("double", "1,5", "0.5", "-2")) {
            cases.add(Arguments.of("retryMultiplier=" + bad, "Invalid retryMultiplier"));
        }
        // hosts
        for (String bad : List.of("ftp://h.example.com", "https://user@h.example.com",
                "https://admin:" + SECRET + "@h.example.com", "http://h.cloud.databricks.com", "http://10.0.0.5:8080",
                "https://", "h.example.com:notaport", "https://h.example.com:99999", "127.0.0.1:8080",
                "localhost:8080", "[::1]:8080")) {
            cases.add(Arguments.of("host=" + bad, "Invalid host"));
        }
        // paths and warehouses
        for (String bad : List.of("/sql/warehouses/x", "sql/1.0/warehouses/x", "/sql/1.0/endpoints/",
                "/sql/1.0/warehouses/a/b")) {
            cases.add(Arguments.of("httpPath=" + bad, "Invalid httpPath"));
        }
        // User-Agent entries
        for (String bad : List.of("My Product 1.0", "Acme", "Acme_Integrator", "Acme/1.0", "_Integrator/1.0",
                "Acme_Integrator/", "Acme_Integrator/1.0%0D%0AINFO forged", "Acme_" + "P".repeat(200) + "/1.0",
                "Acme Corp_Integrator/1.0", "Acme_Integrator/1.0 (beta)")) {
            cases.add(Arguments.of("userAgentEntry=" + bad, "Invalid userAgentEntry"));
        }
        // enums
        cases.add(Arguments.of("authMode=basic", "Invalid value 'basic' for option authMode: expected one of pat,"
                + " token-env, oauth-m2m, oauth-u2m, oauth-federation"));
        cases.add(Arguments.of("authMode=kerberos", "Invalid value 'kerberos' for option authMode: expected one of"));
        cases.add(Arguments.of("outputType=Everything", "Invalid value 'Everything' for option outputType: expected one"
                + " of SelectOne, SelectList, StreamList"));
        cases.add(Arguments.of("loadFormat=AVRO", "Invalid value 'AVRO' for option loadFormat: expected one of JSON"));
        cases.add(Arguments.of("healthCheckStoppedWarehouse=MAYBE", "healthCheckStoppedWarehouse"));
        cases.add(Arguments.of("healthCheckStoppedWarehouse=true", "healthCheckStoppedWarehouse"));
        cases.add(Arguments.of("healthCheckCacheTime=500", "Invalid healthCheckCacheTime 500: expected at least 1000"
                + " milliseconds"));
        // output classes
        for (String bad : List.of("com.example.Missing", "java.lang.Integer", "java.util.Map", "java.lang.Runnable",
                "java.util.AbstractList")) {
            cases.add(Arguments.of("outputClass=" + bad, "Invalid outputClass '" + bad + "'"));
        }
        // driver pass-through properties
        for (String reserved : List.of("PWD", "password", "UID", "AuthMech", "Auth_Flow", "Auth_AccessToken",
                "OAuth2Secret", "HttpPath", "ssl", "UserAgentEntry", "ConnCatalog", "UseThriftClient")) {
            cases.add(Arguments.of("jdbc." + reserved + "=RAW(" + SECRET + ")", "Invalid jdbc." + reserved));
        }
        for (String level : List.of("4", "5", "6", "INFO", "DEBUG", "TRACE", "loud")) {
            cases.add(Arguments.of("jdbc.LogLevel=" + level, "Invalid jdbc.LogLevel"));
        }
        cases.add(Arguments.of("jdbc.AllowSelfSignedCerts=1", "Invalid jdbc.AllowSelfSignedCerts"));
        cases.add(Arguments.of("jdbc.AllowSelfSignedCerts=true", "Invalid jdbc.AllowSelfSignedCerts"));
        cases.add(Arguments.of("jdbc.SSLTrustStore=/no/such/store.jks", "Invalid jdbc.SSLTrustStore"));
        // combinations
        cases.add(Arguments.of("outputType=StreamList&batch=true", "outputType=StreamList cannot be combined"));
        cases.add(Arguments.of("batch=true&useMessageBodyForSql=true", "batch=true cannot be combined"));
        cases.add(Arguments.of("stagingVolume=/Volumes/c/s/v", "stagingVolume is only used by bulk-load endpoints"));
        cases.add(Arguments.of("accessToken=RAW(" + SECRET + ")", "Both token"));
        cases.add(Arguments.of("clientId=app&clientSecret=RAW(" + SECRET + ")", "set authMode"));
        cases.add(Arguments.of("clientId=app", "set authMode"));
        // OAuth token federation: the workload token file
        String fed = "authMode=oauth-federation&idTokenFile=";
        cases.add(Arguments.of(fed + "/no/such/token", "Invalid idTokenFile '/no/such/token': no such file"));
        cases.add(Arguments.of(fed + System.getProperty("java.io.tmpdir"), "not a regular file"));
        cases.add(Arguments.of(fed + FAKE_JWT, "Invalid idTokenFile: it holds what looks like a token"));
        cases.add(Arguments.of("authMode=oauth-federation", "Missing for authMode=oauth-federation: the workload's"
                + " identity token"));
        cases.add(Arguments.of("authMode=oauth-federation&clientId=sp&clientSecret=RAW(" + SECRET + ")",
                "clientSecret is not used by authMode=oauth-federation"));
        cases.add(Arguments.of("authMode=oauth-m2m&clientId=sp&clientSecret=RAW(" + SECRET + ")&idTokenFile=/x",
                "idTokenFile is only used by authMode=oauth-federation"));
        cases.add(Arguments.of("idTokenFile=/x", "idTokenFile is set next to a token"));
        // misspelled options that may hold secrets
        cases.add(Arguments.of("tokn=RAW(" + SECRET + ")", "Unknown option(s) tokn"));
        cases.add(Arguments.of("clientSecrett=RAW(" + SECRET + ")", "Unknown option(s) clientSecrett"));
        cases.add(Arguments.of("pooolSize=3", "Unknown option(s) pooolSize"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void failsAtCreationNamingTheOptionWithoutEchoingASecret(String options, String expected) {
        assertRefused(Environment.empty(), BASE + "&" + options, expected);
    }

    /** Bad load endpoints. */
    static Stream<Arguments> badLoadEndpoints() {
        String vol = "&stagingVolume=/Volumes/main/staging/landing";
        return Stream.of(
                Arguments.of("databricks:load:main.s.t?host=h.cloud.databricks.com&warehouseId=w1&token=RAW(" + TOKEN
                        + ")", "Missing stagingVolume"),
                Arguments.of(load("main.s.t") + "&stagingVolume=/tmp/x", "Invalid stagingVolume"),
                Arguments.of(load("main.s.t") + "&stagingVolume=/Volumes/main/staging", "Invalid stagingVolume"),
                Arguments.of(load("main.s.t") + "&stagingVolume=/Volumes/main/staging/v/../../x",
                        "Invalid stagingVolume"),
                Arguments.of(load("main.s.t") + "&stagingVolume=/Volumes/main/st'aging/v", "Invalid stagingVolume"),
                Arguments.of(load("SELECT 1") + vol, "Invalid load table 'SELECT 1'"),
                Arguments.of(load("main.s.t; DROP TABLE x") + vol, "Invalid load table"),
                Arguments.of(load("a.b.c.d") + vol, "Invalid load table"),
                Arguments.of(load("main.s.t") + vol + "&batch=true", "batch=true cannot be combined"),
                Arguments.of(load("main.s.t") + vol + "&outputType=StreamList", "outputType=StreamList cannot"),
                Arguments.of(load("main.s.t") + vol + "&useMessageBodyForSql=true", "useMessageBodyForSql=true"));
    }

    private static String load(String table) {
        return "databricks:load:" + table + "?host=h.cloud.databricks.com&warehouseId=w1&token=RAW(" + TOKEN + ")";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLoadEndpoints")
    void badLoadEndpointsFailAtCreation(String uri, String expected) {
        assertRefused(Environment.empty(), uri, expected);
    }

    /** Bad environments: variables named, values never shown. */
    static Stream<Arguments> badEnvironments() {
        return Stream.of(
                Arguments.of(Map.of("APP_AUTH_TYPE", "kerberos"), "Invalid APP_AUTH_TYPE 'kerberos'"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "oauth_m2m"), "DATABRICKS_CLIENT_ID"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "oauth_m2m", "DATABRICKS_CLIENT_ID", "sp"),
                        "DATABRICKS_CLIENT_SECRET"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "pat"), "DATABRICKS_TOKEN"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "token_env"), "DATABRICKS_ACCESS_TOKEN"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "oauth_u2m"), "DATABRICKS_U2M_CLIENT_ID"),
                Arguments.of(Map.of("DATABRICKS_TOKEN", TOKEN, "DATABRICKS_CLIENT_ID", "sp",
                        "DATABRICKS_CLIENT_SECRET", SECRET), "More than one authorization method"),
                Arguments.of(Map.of("DATABRICKS_ACCESS_TOKEN", TOKEN, "DATABRICKS_TOKEN", TOKEN),
                        "More than one authorization method"),
                Arguments.of(Map.of(), "Cannot configure default credentials"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "oauth_federation"), "DATABRICKS_OIDC_TOKEN"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "federation", "DATABRICKS_OIDC_TOKEN_ENV", "CI_ID_TOKEN"),
                        "Invalid DATABRICKS_OIDC_TOKEN_ENV"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "federation", "DATABRICKS_OIDC_TOKEN_ENV", FAKE_JWT),
                        "Invalid DATABRICKS_OIDC_TOKEN_ENV"),
                Arguments.of(Map.of("DATABRICKS_OIDC_TOKEN_FILEPATH", "/no/such/token"),
                        "Invalid DATABRICKS_OIDC_TOKEN_FILEPATH '/no/such/token': no such file"),
                Arguments.of(Map.of("DATABRICKS_OIDC_TOKEN_FILEPATH", "/etc/hostname", "DATABRICKS_OIDC_TOKEN",
                        FAKE_JWT), "Both DATABRICKS_OIDC_TOKEN_FILEPATH and DATABRICKS_OIDC_TOKEN are set"),
                Arguments.of(Map.of("DATABRICKS_OIDC_TOKEN", FAKE_JWT, "DATABRICKS_CLIENT_ID", "sp",
                        "DATABRICKS_CLIENT_SECRET", SECRET), "More than one authorization method"),
                Arguments.of(Map.of("APP_AUTH_TYPE", "u2m", "DATABRICKS_U2M_CLIENT_ID", "app",
                        "DATABRICKS_REDIRECT_URI", "http://evil.example.com/callback"),
                        "Invalid DATABRICKS_REDIRECT_URI"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEnvironments")
    void badEnvironmentsNameTheVariable(Map<String, String> variables, String expected) {
        CamelContext ctx = TestContexts.startedWith(Environment.of(variables));
        try {
            Throwable t = catchThrowable(() -> ctx.getEndpoint(
                    "databricks:select 1?host=h.cloud.databricks.com&warehouseId=w1"));
            assertThat(t).as("creating the endpoint should fail").isNotNull();
            String chain = chain(t);
            assertThat(chain).contains(expected).doesNotContain(TOKEN).doesNotContain(SECRET)
                    .doesNotContain(FAKE_JWT).doesNotContain("eyJ");
        } finally {
            ctx.stop();
        }
    }

    /** The workload token in idTokenFile and in the environment: one place only, and the token is never shown. */
    @org.junit.jupiter.api.Test
    void aTokenFileNextToATokenVariableIsRefusedNamingBoth() {
        CamelContext ctx = TestContexts.startedWith(Environment.of(Map.of("DATABRICKS_OIDC_TOKEN", FAKE_JWT)));
        try {
            Throwable t = catchThrowable(() -> ctx.getEndpoint("databricks:select 1?host=h.cloud.databricks.com"
                    + "&warehouseId=w1&authMode=oauth-federation&idTokenFile=/var/run/secrets/tokens/databricks"));
            assertThat(chain(t)).contains("Both idTokenFile and DATABRICKS_OIDC_TOKEN are set")
                    .doesNotContain(FAKE_JWT).doesNotContain("eyJ");
        } finally {
            ctx.stop();
        }
    }

    private static void assertRefused(Environment environment, String uri, String expected) {
        Throwable t = catchThrowable(() -> context.getEndpoint(uri));
        assertThat(t).as("creating %s should fail", uri).isNotNull();
        // below Camel's outer wrapper (which quotes the URI as written) nothing may carry a canary
        String inner = chain(t.getCause() == null ? t : t.getCause());
        assertThat(chain(t)).contains(expected);
        assertThat(inner).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain(FAKE_JWT).doesNotContain("\r")
                .doesNotContain("\nINFO forged");
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
