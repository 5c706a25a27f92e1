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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.component.DatabricksComponent;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksAuthenticationException;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * OAuth U2M with a custom OAuth app (PKCE), end to end, with an HTTP stand-in for the browser and LocalWarehouse's
 * consent auto-approved; and the PWAF U2M troubleshooting cases produced for real.
 */
class OAuthU2mTest {

    static final String APP = "camel-u2m-app";
    static final String USER = "analyst@example.com";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    static int port;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void registerApp() throws Exception {
        port = freePort();
        WAREHOUSE.warehouse().oidc().addOAuthApp(APP, null, "http://localhost:" + port + "/callback")
                .autoApprove(true).signedInUser(USER);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private CamelContext context(BrowserLauncher browser) {
        CamelContext context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(Environment.empty());
        if (browser != null) {
            component.setBrowserLauncher(browser);
        }
        context.addComponent("databricks", component);
        context.start();
        return context;
    }

    private String uri(String options) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "databricks:SELECT current_user() AS u?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath="
                + w.httpPath() + "&authMode=oauth-u2m&clientId=" + APP + "&redirectUri=http://localhost:" + port
                + "/callback&tokenCacheDirectory=" + cacheDir + "&consentTimeout=5000"
                + "&userAgentEntry=Acme_U2mRoute/1.0" + options;
    }

    private long authorizeRequests() {
        return WAREHOUSE.audit().count("authorize");
    }

    @Test
    void signInOnceThenRunAsTheUserAndSurviveARestartFromTheTokenCache() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        long authorizeBefore = authorizeRequests();
        CamelContext first = context(url -> {
            // a stray favicon request and a forged callback arrive first: ignored, the flow keeps waiting
            assertThat(browser.get(URI.create("http://localhost:" + port + "/favicon.ico")).statusCode())
                    .isEqualTo(404);
            assertThat(browser.get(URI.create("http://localhost:" + port + "/callback?code=forged&state=forged"))
                    .statusCode()).isEqualTo(400);
            browser.open(url);
        });
        try {
            assertThat(first.createProducerTemplate().requestBody(uri(""), (Object) null)).isEqualTo(USER);
            assertThat(first.createProducerTemplate().requestBody(uri(""), (Object) null)).isEqualTo(USER);
        } finally {
            first.stop();
        }
        assertThat(browser.opened).hasSize(1);
        assertThat(browser.statuses).containsExactly(302, 200);
        URI authorize = browser.opened.get(0);
        assertThat(authorize.getQuery()).contains("code_challenge_method=S256").contains("client_id=" + APP)
                .contains("redirect_uri=http://localhost:" + port + "/callback").contains("offline_access");
        List<AuditEvent> submits = WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.userAgent()).contains("Acme_U2mRoute/1.0"));
        assertThat(submits).isNotEmpty().allSatisfy(e -> {
            assertThat(e.principal()).isEqualTo(USER);
            assertThat(e.authMethod()).isEqualTo("oauth");
        });

        List<Path> cached = Files.list(cacheDir).toList();
        assertThat(cached).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached.get(0)))).isEqualTo("rw-------");

        CamelContext restarted = context(url -> {
            throw new AssertionError("a restart with a cached refresh token must not ask to sign in");
        });
        try {
            assertThat(restarted.createProducerTemplate().requestBody(uri(""), (Object) null)).isEqualTo(USER);
        } finally {
            restarted.stop();
        }
        assertThat(authorizeRequests() - authorizeBefore).as("consents").isEqualTo(1);
    }

    /** PWAF troubleshooting: invalid_grant (a refresh token already used). */
    @Test
    void aReusedRefreshTokenIsInvalidGrantAndTheNextAttemptSignsInAgain() throws Exception {
        WAREHOUSE.warehouse().oidc().rotateRefreshTokens(true);
        try {
            HttpBrowser browser = new HttpBrowser();
            CamelContext first = context(browser);
            try {
                first.createProducerTemplate().requestBody(uri(""), (Object) null);
            } finally {
                first.stop();
            }
            Path file = Files.list(cacheDir).findFirst().orElseThrow();
            String stale = Files.readString(file).replaceAll("\"expiry\":\"[^\"]+\"",
                    "\"expiry\":\"2020-01-01T00:00:00Z\"");
            Files.writeString(file, stale);
            CamelContext second = context(browser);
            try {
                // the refresh rotates the refresh token: the copy in 'stale' is now used up
                second.createProducerTemplate().requestBody(uri(""), (Object) null);
            } finally {
                second.stop();
            }
            Files.writeString(file, stale);
            CamelContext third = context(browser);
            try {
                Throwable t = catchThrowable(() -> third.createProducerTemplate().requestBody(uri(""), (Object) null));
                assertThat(t.getCause()).isInstanceOf(DatabricksAuthenticationException.class);
                assertThat(t.getCause().getMessage()).contains("invalid_grant").contains("sign in again");
                assertThat(browser.opened).hasSize(1);
                assertThat(third.createProducerTemplate().requestBody(uri(""), (Object) null)).isEqualTo(USER);
                assertThat(browser.opened).as("signed in again").hasSize(2);
            } finally {
                third.stop();
            }
        } finally {
            WAREHOUSE.warehouse().oidc().rotateRefreshTokens(false);
        }
    }

    /** PWAF troubleshooting: port in use. */
    @Test
    void aBusyRedirectPortIsNamedWithTheFix() throws Exception {
        try (ServerSocket busy = new ServerSocket(port, 50, java.net.InetAddress.getByName("localhost"))) {
            CamelContext context = context(new HttpBrowser());
            try {
                Throwable t = catchThrowable(() -> context.createProducerTemplate().requestBody(uri(""),
                        (Object) null));
                assertThat(t.getCause()).isInstanceOf(DatabricksAuthenticationException.class);
                assertThat(t.getCause().getMessage()).contains("Port " + port).contains("is in use")
                        .contains("redirectUri");
            } finally {
                context.stop();
            }
        }
    }

    /** PWAF troubleshooting: redirect URI mismatch. */
    @Test
    void aRedirectUriTheAppDoesNotKnowTimesOutNamingTheMismatch() throws Exception {
        int other = freePort();
        HttpBrowser browser = new HttpBrowser();
        CamelContext context = context(browser);
        try {
            Throwable t = catchThrowable(() -> context.createProducerTemplate().requestBody(uri("")
                    .replace("localhost:" + port, "localhost:" + other).replace("consentTimeout=5000",
                            "consentTimeout=1500"),
                    (Object) null));
            assertThat(browser.statuses).as("the sign-in page refuses the unknown redirect URI").containsExactly(400);
            assertThat(t.getCause()).isInstanceOf(DatabricksAuthenticationException.class);
            assertThat(t.getCause().getMessage()).contains("No sign-in within 1 s").contains("redirect URI mismatch")
                    .contains("register exactly http://localhost:" + other + "/callback");
        } finally {
            context.stop();
        }
    }

    /** PWAF troubleshooting: the browser does not open. */
    @Test
    void whenTheBrowserCannotOpenTheUrlIsLoggedAndSigningInThereStillWorks() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        HttpBrowser user = new HttpBrowser();
        Thread userOpensTheLoggedUrl = new Thread(() -> {
            Pattern url = Pattern.compile("open this URL in a browser to sign in: (\\S+)");
            // generous: the sign-in below completes as soon as this user opens the URL, never waits this long
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() - deadline < 0) {
                Matcher m = url.matcher(log.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    try {
                        user.open(URI.create(m.group(1)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CamelContext context = context(null);
        try {
            userOpensTheLoggedUrl.start();
            Object who = context.createProducerTemplate().requestBody(uri("&browserCommand=/no/such/browser")
                    .replace("consentTimeout=5000", "consentTimeout=60000"), (Object) null);
            assertThat(who).isEqualTo(USER);
        } finally {
            context.stop();
            System.setErr(original);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Could not open a browser (IOException)");
        assertThat(user.statuses).containsExactly(302, 200);
    }

    @Test
    void theU2mVariablesSelectU2mWithTheDefaultRedirectUri() throws Exception {
        CamelContext context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(Environment.of(Map.of("APP_AUTH_TYPE", "u2m", "DATABRICKS_U2M_CLIENT_ID", APP)));
        component.setBrowserLauncher(url -> {
            throw new AssertionError("the sign-in must stop at the busy redirect port, before the browser");
        });
        context.addComponent("databricks", component);
        context.start();
        // the default redirect URI's port is held (by this test, or already by another program), so the sign-in
        // names the redirect URI it resolved, without a browser and without waiting for consent
        ServerSocket held = holdPort(8080);
        try {
            LocalWarehouse w = WAREHOUSE.warehouse();
            String uri = "databricks:SELECT 1?host=" + w.baseUrl() + "&httpPath=" + w.httpPath()
                    + "&tokenCacheDirectory=" + cacheDir;
            var endpoint = context.getEndpoint(uri, io.github.cameldatabricks.component.DatabricksEndpoint.class);
            assertThat(endpoint.getServiceMetadata()).containsEntry("authMode", "oauth-u2m");
            Throwable t = catchThrowable(() -> context.createProducerTemplate().requestBody(uri, (Object) null));
            assertThat(t.getCause()).isInstanceOf(DatabricksAuthenticationException.class);
            assertThat(t.getCause().getMessage()).contains("redirect URI http://localhost:8080/callback is in use");
        } finally {
            if (held != null) {
                held.close();
            }
            context.stop();
        }
    }

    /** Listens on the port on localhost, or returns null if something else already does. */
    private static ServerSocket holdPort(int port) throws Exception {
        try {
            return new ServerSocket(port, 50, java.net.InetAddress.getByName("localhost"));
        } catch (java.net.BindException alreadyInUse) {
            return null;
        }
    }
}
