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

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * OAuth U2M with a real headless Chromium: it opens the authorize URL, clicks Approve on LocalWarehouse's consent page
 * and lands on the component's loopback callback; the route then queries as the signed-in user. Needs Debian's chromium
 * and chromium-driver (.ci/run installs them and sets CAMEL_DATABRICKS_REQUIRE_BROWSER=1, so that in CI a missing
 * browser fails instead of skipping).
 */
class RealBrowserU2mTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String APP = "camel-browser-app";
    static final String USER = "browser-user@example.com";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    static int port;

    @TempDir
    Path profile;
    @TempDir
    Path cacheDir;
    private ChromeDriver browser;

    @BeforeAll
    static void registerApp() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("CAMEL_DATABRICKS_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium and chromedriver are required (apt-get install chromium"
                    + " chromium-driver)");
        }
        Assumptions.assumeTrue(present, "Debian packages chromium and chromium-driver are not installed");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WAREHOUSE.warehouse().oidc().addOAuthApp(APP, "app-secret-for-browser", "http://localhost:" + port
                + "/callback").autoApprove(false).signedInUser(USER);
    }

    @BeforeEach
    void startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object queryAs(BrowserLauncher launcher) {
        CamelContext context = TestContexts.startedWith(Environment.empty(),
                component -> component.setBrowserLauncher(launcher));
        try {
            LocalWarehouse w = WAREHOUSE.warehouse();
            return context.createProducerTemplate().requestBody("databricks:SELECT current_user() AS u"
                    + "?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath=" + w.httpPath()
                    + "&authMode=oauth-u2m&clientId=" + APP + "&clientSecret=RAW(app-secret-for-browser)"
                    + "&redirectUri=http://localhost:" + port + "/callback&tokenCacheDirectory=" + cacheDir
                    + "&consentTimeout=60000&userAgentEntry=Acme_BrowserSignIn/1.0", (Object) null);
        } finally {
            context.stop();
        }
    }

    private void approve(java.net.URI authorizeUrl) {
        browser.get(authorizeUrl.toString());
        browser.findElement(By.id("approve")).click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.getPageSource().contains("Signed in to Databricks"));
    }

    @Test
    void chromiumApprovesTheConsentAndTheRouteQueriesAsTheUser() {
        Object user = queryAs(this::approve);
        assertThat(user).isEqualTo(USER);
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + port + "/callback?");
        List<AuditEvent> consent = WAREHOUSE.audit().events(e -> e.actionName().equals("consent"));
        assertThat(consent).isNotEmpty().last().satisfies(e -> assertThat(e.requestParams())
                .containsEntry("decision", "approve").containsEntry("client_id", APP));
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.userAgent()).contains("Acme_BrowserSignIn"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.principal()).isEqualTo(USER));
    }

    @Test
    void aFaviconRequestAndAForgedStateFirstDoNotDisturbTheSignIn() {
        Object user = queryAs(url -> {
            browser.get("http://localhost:" + port + "/favicon.ico");
            assertThat(browser.getPageSource()).contains("Not found");
            browser.get("http://localhost:" + port + "/callback?code=forged-code&state=forged-state");
            assertThat(browser.getPageSource()).contains("does not belong to the sign-in in progress");
            approve(url);
        });
        assertThat(user).isEqualTo(USER);
    }
}
