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

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.oauth.Token;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.workspace.WorkspaceHost;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.ManualClock;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * A U2M refresh token has one owner: endpoints of one app share one token source (a rotating refresh token is never
 * used twice), and only an exchange's thread, never the SDK's background refresh, may open a browser.
 */
class U2mTokenOwnershipTest {

    private static final String APP = "camel-u2m-owner-app";
    private static final String OTHER_APP = "camel-u2m-other-app";
    private static final String USER = "owner@example.com";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    private static int port;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void registerApp() throws Exception {
        port = OAuthU2mTest.freePort();
        WAREHOUSE.warehouse().oidc().addOAuthApp(APP, null, redirect().toString()).autoApprove(true)
                .signedInUser(USER).rotateRefreshTokens(true);
        WAREHOUSE.warehouse().oidc().addOAuthApp(OTHER_APP, null, redirect().toString());
    }

    private static URI redirect() {
        return URI.create("http://localhost:" + port + "/callback");
    }

    private String uri(String sql) {
        return uri(sql, APP);
    }

    private String uri(String sql, String app) {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "databricks:" + sql + "?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath=" + w.httpPath()
                + "&authMode=oauth-u2m&clientId=" + app + "&redirectUri=" + redirect() + "&tokenCacheDirectory="
                + cacheDir + "&consentTimeout=60000&userAgentEntry=Acme_U2mOwner/1.0";
    }

    @Test
    void endpointsOfOneAppShareOneSignInAndOneRotatingRefreshToken() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        HttpBrowser browser = new HttpBrowser();
        ManualClock clock = new ManualClock();
        long refreshesBefore = w.oidc().tokensIssued("refresh_token");
        try (CamelContext context = contextWith(browser, clock)) {
            var template = context.createProducerTemplate();
            String first = uri("SELECT current_user() AS u");
            // created before any token exists, so it can only get later ones by sharing the first one's source
            String second = uri("SELECT current_user() AS who") + "&autoStartWarehouse=true"
                    + "&warehouseStatePollInterval=100";
            context.getEndpoint(first);
            context.getEndpoint(second);
            assertThat(template.requestBody(first, (Object) null)).isEqualTo(USER);
            assertThat(template.requestBody(second, (Object) null)).isEqualTo(USER);
            assertThat(browser.opened).as("one sign-in for both endpoints").hasSize(1);

            // both endpoints now find the token expired: one refresh, whose rotated refresh token both then use
            clock.advance(Duration.ofHours(2));
            assertThat(template.requestBody(first, (Object) null)).isEqualTo(USER);
            assertThat(template.requestBody(second, (Object) null)).isEqualTo(USER);
            clock.advance(Duration.ofHours(2));
            assertThat(template.requestBody(second, (Object) null)).isEqualTo(USER);
            assertThat(template.requestBody(first, (Object) null)).isEqualTo(USER);

            // a stopped warehouse: the second endpoint starts it through the REST API, with the shared token
            w.lifecycle().startupTime(Duration.ZERO);
            w.lifecycle().stop();
            assertThat(template.requestBody(second, (Object) null)).isEqualTo(USER);
            assertThat(w.lifecycle().state().name()).isEqualTo("RUNNING");
        }
        assertThat(browser.opened).as("no second sign-in: no refresh token was used twice").hasSize(1);
        assertThat(w.oidc().tokensIssued("refresh_token") - refreshesBefore).isEqualTo(2);
    }

    @Test
    void twoContextsSharingATokenCacheFollowEachOthersRotatedRefreshTokens() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        ManualClock clock = new ManualClock();
        long refusedBefore = WAREHOUSE.audit().events(e -> e.actionName().equals("tokenRequest")
                && e.statusCode() == 400).size();
        try (CamelContext first = contextWith(browser, clock); CamelContext second = contextWith(browser, clock)) {
            String sql = uri("SELECT current_user() AS u");
            assertThat(first.createProducerTemplate().requestBody(sql, (Object) null)).isEqualTo(USER);
            // the second context starts from the cache the first one wrote
            assertThat(second.createProducerTemplate().requestBody(sql, (Object) null)).isEqualTo(USER);
            for (int round = 0; round < 3; round++) {
                clock.advance(Duration.ofHours(2));
                assertThat(first.createProducerTemplate().requestBody(sql, (Object) null)).isEqualTo(USER);
                assertThat(second.createProducerTemplate().requestBody(sql, (Object) null)).isEqualTo(USER);
            }
        }
        assertThat(browser.opened).as("one sign-in: a refused refresh token is followed by the cached newer one")
                .hasSize(1);
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("tokenRequest") && e.statusCode() == 400)
                .size() - refusedBefore).as("each context once found its refresh token used by the other")
                .isGreaterThanOrEqualTo(1);
    }

    private static CamelContext contextWith(BrowserLauncher browser, ManualClock clock) {
        return TestContexts.startedWith(Environment.empty(), component -> {
            component.setBrowserLauncher(browser);
            component.setClock(clock);
        });
    }

    @Test
    void twoAppsWithOneRedirectPortSignInOneAfterTheOther() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        try (CamelContext context = TestContexts.startedWith(Environment.empty(),
                component -> component.setBrowserLauncher(browser))) {
            var template = context.createProducerTemplate();
            CompletableFuture<Object> first = CompletableFuture.supplyAsync(
                    () -> template.requestBody(uri("SELECT current_user() AS a", APP), (Object) null));
            CompletableFuture<Object> second = CompletableFuture.supplyAsync(
                    () -> template.requestBody(uri("SELECT current_user() AS b", OTHER_APP), (Object) null));
            assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(USER);
            assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(USER);
        }
        assertThat(browser.opened).hasSize(2);
        assertThat(browser.opened).extracting(URI::getQuery).anyMatch(q -> q.contains("client_id=" + APP + "&"))
                .anyMatch(q -> q.contains("client_id=" + OTHER_APP + "&"));
    }

    @Test
    void theTokenCacheIsOwnerOnlyAndACacheOthersCanReadIsIgnored() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault()
                .supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path directory = cacheDir.resolve("new-dir");
        TokenCacheFile cache = new TokenCacheFile(directory, "https://h.example.com", APP);
        cache.save(new Token("access", "Bearer", "refresh-1", Instant.now().plusSeconds(60)));
        cache.save(new Token("access", "Bearer", "refresh-2", Instant.now().plusSeconds(60)));
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache.file()))).isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files).as("no temporary file left").containsExactly(cache.file());
        }
        assertThat(cache.load().getRefreshToken()).isEqualTo("refresh-2");

        Files.setPosixFilePermissions(cache.file(),
                PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(cache.load()).as("a cache others can read is not trusted").isNull();
    }

    @Test
    void aBackgroundRefreshWithoutARefreshTokenNeverOpensABrowser() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(WorkspaceHost.parse(WAREHOUSE.warehouse().baseUrl(),
                "host"), Clock.systemUTC(), Duration.ofSeconds(30));
        U2mSignIn signIn = new U2mSignIn(endpoint, APP, null, redirect(), browser, Duration.ofSeconds(60));
        RefreshTokenSource source = new RefreshTokenSource(endpoint, APP, null, signIn, null, null);

        // what the SDK's asynchronous refresh does: ask from a thread of its own
        Throwable background = catchThrowable(() -> CompletableFuture.supplyAsync(source::getToken).join());
        assertThat(background).hasCauseInstanceOf(DatabricksError.class);
        assertThat(((DatabricksError) background.getCause()).getErrorCode()).isEqualTo("sign_in_required");
        assertThat(browser.opened).isEmpty();

        // the exchange that needs a token signs in
        Token token = InteractiveSignInPermit.runPermitted(source::getToken);
        assertThat(token.getAccessToken()).isNotBlank();
        assertThat(token.getRefreshToken()).isNotBlank();
        assertThat(browser.opened).hasSize(1);

        // with a refresh token, a background refresh needs no browser either
        Token refreshed = CompletableFuture.supplyAsync(source::getToken).join();
        assertThat(refreshed.getRefreshToken()).as("rotated").isNotEqualTo(token.getRefreshToken());
        assertThat(browser.opened).hasSize(1);
    }
}
