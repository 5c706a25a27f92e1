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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Workspace OIDC: discovery, client credentials, authorization code with PKCE and consent, refresh, JWTs. */
class OidcTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().principal("user@example.com").sampleRows(10));

    private static final String SP = "9f0c5f4e-6c1e-4a3a-9d5b-2b1f4b7d8e21";
    private static final String APP = "acme-u2m-app";
    private static final String REDIRECT = "http://localhost:8080/callback";
    private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abcdef";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @org.junit.jupiter.api.BeforeEach
    void registerClients() {
        WAREHOUSE.warehouse().oidc().addServicePrincipal(SP, "sp-secret:with+odd=chars", "ingest-sp")
                .addOAuthApp(APP, "app-secret", REDIRECT).addOAuthApp("public-app", null, REDIRECT)
                .autoApprove(true).rotateRefreshTokens(false).accessTokenLifetime(Duration.ofHours(1));
    }

    private LocalWarehouse w() {
        return WAREHOUSE.warehouse();
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String basic) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(w().baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            b.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(w().baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private String authorizeQuery(String client, String redirect, String state) throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", client);
        q.put("redirect_uri", redirect);
        q.put("scope", "all-apis offline_access");
        q.put("state", state);
        q.put("code_challenge", challenge(VERIFIER));
        q.put("code_challenge_method", "S256");
        return "/oidc/v1/authorize?" + q.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void discoveryDocumentsPointAtThisServer() throws Exception {
        JsonNode meta = json.readTree(get("/.well-known/databricks-config").body());
        assertThat(meta.get("oidc_endpoint").asText()).isEqualTo(w().baseUrl() + "/oidc");
        JsonNode discovery = json.readTree(get("/oidc/.well-known/oauth-authorization-server").body());
        assertThat(discovery.get("token_endpoint").asText()).isEqualTo(w().baseUrl() + "/oidc/v1/token");
        assertThat(discovery.get("authorization_endpoint").asText()).isEqualTo(w().baseUrl() + "/oidc/v1/authorize");
    }

    @Test
    void clientCredentialsByBasicOrFormAndInvalidClient() throws Exception {
        HttpResponse<String> basic = post("/oidc/v1/token", Map.of("grant_type", "client_credentials",
                "scope", "all-apis"), SP + ":sp-secret:with+odd=chars");
        assertThat(basic.statusCode()).isEqualTo(200);
        JsonNode token = json.readTree(basic.body());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.has("refresh_token")).isFalse();
        assertThat(token.get("access_token").asText().split("\\.")).hasSize(3);
        HttpResponse<String> form = post("/oidc/v1/token", Map.of("grant_type", "client_credentials",
                "client_id", SP, "client_secret", "sp-secret:with+odd=chars"), null);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = post("/oidc/v1/token", Map.of("grant_type", "client_credentials"), SP + ":wrong");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(json.readTree(bad.body()).get("error").asText()).isEqualTo("invalid_client");
        HttpResponse<String> grant = post("/oidc/v1/token", Map.of("grant_type", "password"), SP + ":x");
        assertThat(json.readTree(grant.body()).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void authorizationCodeWithPkceIsSingleUseAndRefreshRotates() throws Exception {
        w().oidc().rotateRefreshTokens(true);
        HttpResponse<String> authorize = get(authorizeQuery(APP, REDIRECT, "state-123"));
        assertThat(authorize.statusCode()).isEqualTo(302);
        Map<String, String> callback = query(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(callback).containsEntry("state", "state-123").containsKey("code");
        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code",
                callback.get("code"), "redirect_uri", REDIRECT, "client_id", APP, "client_secret", "app-secret",
                "code_verifier", VERIFIER));
        HttpResponse<String> tokens = post("/oidc/v1/token", exchange, null);
        assertThat(tokens.statusCode()).isEqualTo(200);
        String refresh = json.readTree(tokens.body()).get("refresh_token").asText();
        HttpResponse<String> replay = post("/oidc/v1/token", exchange, null);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json.readTree(replay.body()).get("error").asText()).isEqualTo("invalid_grant");

        Map<String, String> refreshForm = Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", APP, "client_secret", "app-secret");
        HttpResponse<String> refreshed = post("/oidc/v1/token", refreshForm, null);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(refreshed.body()).get("refresh_token").asText()).isNotEqualTo(refresh);
        HttpResponse<String> reused = post("/oidc/v1/token", refreshForm, null);
        assertThat(json.readTree(reused.body()).get("error_description").asText())
                .isEqualTo("Refresh token is invalid");
    }

    @Test
    void wrongVerifierRedirectMismatchAndUnknownClientAreRefused() throws Exception {
        Map<String, String> cb = query(get(authorizeQuery("public-app", REDIRECT, "s")).headers()
                .firstValue("Location").orElseThrow());
        HttpResponse<String> wrong = post("/oidc/v1/token", Map.of("grant_type", "authorization_code", "code",
                cb.get("code"), "redirect_uri", REDIRECT, "client_id", "public-app", "code_verifier", "nope"), null);
        assertThat(json.readTree(wrong.body()).get("error").asText()).isEqualTo("invalid_grant");
        HttpResponse<String> mismatch = get(authorizeQuery(APP, "http://localhost:9999/callback", "s"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.headers().firstValue("Location")).isEmpty();
        assertThat(mismatch.body()).contains("not registered");
        assertThat(get(authorizeQuery("nobody", REDIRECT, "s")).statusCode()).isEqualTo(400);
        HttpResponse<String> noPkce = get("/oidc/v1/authorize?response_type=code&client_id=" + APP + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&state=s");
        assertThat(query(noPkce.headers().firstValue("Location").orElseThrow())).containsEntry("error",
                "invalid_request");
    }

    @Test
    void consentPageApprovesOrDenies() throws Exception {
        w().oidc().autoApprove(false);
        HttpResponse<String> page = get(authorizeQuery(APP, REDIRECT, "st"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Approve", "Deny", "user@example.com", APP);
        String consentId = page.body().replaceAll("(?s).*name=\"consent_id\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> approved = post("/oidc/v1/authorize/decision",
                Map.of("consent_id", consentId, "decision", "approve"), null);
        assertThat(query(approved.headers().firstValue("Location").orElseThrow())).containsKey("code")
                .containsEntry("state", "st");
        HttpResponse<String> again = post("/oidc/v1/authorize/decision",
                Map.of("consent_id", consentId, "decision", "approve"), null);
        assertThat(again.statusCode()).isEqualTo(400);
        String second = get(authorizeQuery(APP, REDIRECT, "st2")).body()
                .replaceAll("(?s).*name=\"consent_id\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> denied = post("/oidc/v1/authorize/decision",
                Map.of("consent_id", second, "decision", "deny"), null);
        assertThat(query(denied.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "access_denied").containsEntry("state", "st2");
    }

    @Test
    void driverM2mFlowConnectsAsTheServicePrincipal() throws Exception {
        LocalWarehouse w = w();
        long before = w.oidc().tokensIssued("client_credentials");
        String url = w.jdbcUrlWithoutCredentials() + ";AuthMech=11;Auth_Flow=1;OAuth2ClientId=" + SP
                + ";OAuth2Secret=sp-secret:with+odd=chars;OAuthDiscoveryURL=" + w.baseUrl()
                + "/oidc/.well-known/oauth-authorization-server;UserAgentEntry=Acme_M2mCheck/1.0";
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Jdbc.scalar(c, "SELECT current_user()")).isEqualTo(SP);
        }
        assertThat(w.oidc().tokensIssued("client_credentials") - before).isEqualTo(1);
        assertThat(w.audit().events(e -> e.actionName().equals("commandSubmit") && SP.equals(e.principal())))
                .isNotEmpty().allSatisfy(e -> assertThat(e.authMethod()).isEqualTo("oauth"));
        assertThat(w.audit().events(e -> e.actionName().equals("tokenRequest") && e.statusCode() == 200))
                .anySatisfy(e -> assertThat(e.requestParams()).containsEntry("grant_type", "client_credentials"));
    }

    @Test
    void issuedAccessTokensWorkAsPassthroughUntilTheyExpire() throws Exception {
        LocalWarehouse w = w();
        String token = json.readTree(post("/oidc/v1/token", Map.of("grant_type", "client_credentials"),
                SP + ":sp-secret:with+odd=chars").body()).get("access_token").asText();
        String url = w.jdbcUrlWithoutCredentials() + ";AuthMech=11;Auth_Flow=0;Auth_AccessToken=" + token;
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Jdbc.query(c, "SELECT current_user()")).containsExactly(List.of(SP));
        }
        w.oidc().accessTokenLifetime(Duration.ZERO);
        String expired = json.readTree(post("/oidc/v1/token", Map.of("grant_type", "client_credentials"),
                SP + ":sp-secret:with+odd=chars").body()).get("access_token").asText();
        assertThatThrownBy(() -> DriverManager.getConnection(w.jdbcUrlWithoutCredentials()
                + ";AuthMech=11;Auth_Flow=0;EnableTokenFederation=0;Auth_AccessToken=" + expired))
                .isInstanceOf(SQLException.class).hasMessageContaining("expired");
    }
}
