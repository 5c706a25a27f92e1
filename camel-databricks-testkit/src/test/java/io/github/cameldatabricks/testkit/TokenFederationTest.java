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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;
import io.github.cameldatabricks.testkit.oidc.FederationPolicy;
import io.github.cameldatabricks.testkit.oidc.Oidc;
import io.github.cameldatabricks.testkit.oidc.TestIdentityProvider;

/**
 * OAuth token federation at the workspace token endpoint: JWTs of a test identity provider exchanged under
 * service-principal and account-wide federation policies, and each way a subject token is refused.
 */
class TokenFederationTest {

    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10).clock(CLOCK));

    private static final String SP = "0b6d2f7a-1c3e-4d5f-8a9b-0c1d2e3f4a5b";
    private static final String AUDIENCE = "https://github.com/acme";
    private static final String SUBJECT = "repo:acme/etl:environment:prod";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void clearPolicies() {
        WAREHOUSE.warehouse().oidc().clearFederationPolicies();
    }

    private TestIdentityProvider idpWithPolicy() {
        TestIdentityProvider idp = WAREHOUSE.warehouse().startIdentityProvider();
        WAREHOUSE.warehouse().oidc().addFederationPolicy(FederationPolicy.forServicePrincipal(SP, idp.issuer(),
                AUDIENCE, SUBJECT));
        return idp;
    }

    private HttpResponse<String> exchange(String jwt, String clientId) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", Oidc.TOKEN_EXCHANGE_GRANT);
        form.put("subject_token", jwt);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
        form.put("scope", "all-apis");
        if (clientId != null) {
            form.put("client_id", clientId);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(WAREHOUSE.warehouse().baseUrl() + "/oidc/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWorkloadTokenIsExchangedForTheServicePrincipalAndAuditedAsFederated() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        TestIdentityProvider idp = idpWithPolicy();
        long before = w.oidc().tokensIssued(Oidc.TOKEN_EXCHANGE_GRANT);
        HttpResponse<String> response = exchange(idp.issue(SUBJECT, AUDIENCE, Duration.ofMinutes(5)), SP);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isPositive();
        assertThat(w.oidc().tokensIssued(Oidc.TOKEN_EXCHANGE_GRANT) - before).isEqualTo(1);
        try (Connection c = DriverManager.getConnection(w.jdbcUrlWithoutCredentials()
                + ";AuthMech=11;Auth_Flow=0;EnableTokenFederation=0;Auth_AccessToken="
                + body.path("access_token").asText())) {
            assertThat(Jdbc.scalar(c, "SELECT current_user()")).isEqualTo(SP);
        }
        assertThat(w.audit().events(e -> e.actionName().equals("tokenRequest") && e.statusCode() == 200
                && SP.equals(e.principal()))).last().satisfies(e -> {
                    assertThat(e.authMethod()).isEqualTo("oauth-federation");
                    assertThat(e.requestParams()).containsEntry("grant_type", Oidc.TOKEN_EXCHANGE_GRANT)
                            .containsEntry("subject_token_issuer", idp.issuer())
                            .containsEntry("subject_token_subject", SUBJECT);
                });
        assertThat(w.audit().events(e -> e.actionName().equals("commandSubmit") && SP.equals(e.principal())))
                .isNotEmpty().allSatisfy(e -> assertThat(e.authMethod()).isEqualTo("oauth-federation"));
    }

    @Test
    void accountWideFederationMapsTheSubjectToThePrincipal() throws Exception {
        TestIdentityProvider idp = WAREHOUSE.warehouse().startIdentityProvider();
        WAREHOUSE.warehouse().oidc().addFederationPolicy(FederationPolicy.accountWide(idp.issuer(), "databricks"));
        HttpResponse<String> response = exchange(idp.issue("analyst@acme.com", "databricks", Duration.ofMinutes(5)),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(WAREHOUSE.warehouse().oidc().verify(json.readTree(response.body()).path("access_token").asText())
                .principal()).isEqualTo("analyst@acme.com");
        // a service principal's policy is not an account-wide one
        assertThat(exchange(idp.issue("analyst@acme.com", "databricks", Duration.ofMinutes(5)), SP).statusCode())
                .isEqualTo(400);
    }

    @Test
    void expiredWrongAudienceUnknownIssuerAndForeignSubjectAreInvalidGrant() throws Exception {
        TestIdentityProvider idp = idpWithPolicy();
        TestIdentityProvider stranger = WAREHOUSE.warehouse().startIdentityProvider();
        assertRefused(exchange(idp.issue(SUBJECT, AUDIENCE, CLOCK.instant().minusSeconds(120), Duration.ofSeconds(60)),
                SP), "invalid_grant", "expired");
        assertRefused(exchange(idp.issue(SUBJECT, "https://github.com/other", Duration.ofMinutes(5)), SP),
                "invalid_grant", "audience");
        assertRefused(exchange(stranger.issue(SUBJECT, AUDIENCE, Duration.ofMinutes(5)), SP), "invalid_grant",
                "trusts issuer");
        assertRefused(exchange(idp.issue("repo:acme/etl:ref:refs/heads/feature", AUDIENCE, Duration.ofMinutes(5)), SP),
                "invalid_grant", "subject");
        // a token claiming the trusted issuer but signed by another key
        String forged = stranger.sign(new JWTClaimsSet.Builder().issuer(idp.issuer()).subject(SUBJECT)
                .audience(AUDIENCE).expirationTime(Date.from(CLOCK.instant().plusSeconds(300))).build());
        assertRefused(exchange(forged, SP), "invalid_grant", "signature");
        assertRefused(exchange("not-a-jwt", SP), "invalid_request", "not a signed JWT");
        assertRefused(exchange(idp.issue(SUBJECT, AUDIENCE, Duration.ofMinutes(5)), "no-such-sp"), "invalid_grant",
                "has no federation policy");
        assertThat(WAREHOUSE.warehouse().audit().events(e -> e.actionName().equals("tokenRequest")
                && e.statusCode() == 400)).isNotEmpty().allSatisfy(e -> assertThat(e.principal()).isNull());
    }

    @Test
    void aTokenStaysValidOnlyUntilItsExpiryOnTheSharedClock() throws Exception {
        TestIdentityProvider idp = idpWithPolicy();
        String jwt = idp.issue(SUBJECT, AUDIENCE, Duration.ofSeconds(30));
        assertThat(exchange(jwt, SP).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(31));
        assertRefused(exchange(jwt, SP), "invalid_grant", "expired");
    }

    private void assertRefused(HttpResponse<String> response, String error, String description) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).contains(description).doesNotContain("eyJ");
    }
}
