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
package io.github.cameldatabricks.testkit.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.oidc.AuthorizeRequest;
import io.github.cameldatabricks.testkit.oidc.Oidc;
import io.github.cameldatabricks.testkit.oidc.OidcProtocol;

/**
 * Workspace OIDC over HTTP: host metadata, discovery, {@code /oidc/v1/authorize} with a consent page (or
 * auto-approval), the consent decision, and {@code /oidc/v1/token}. Every call is audited (service {@code oauth2}).
 * Token requests take faults targeted with {@code onlyFor("tokenRequest")}, answered as an unavailable or failing OAuth
 * endpoint does.
 */
final class OidcRoute implements Route {

    private final String baseUrl;
    private final String workspaceId;
    private final Oidc oidc;
    private final OidcProtocol protocol;
    private final Auditor auditor;
    private final Faults faults;
    private final Map<String, AuthorizeRequest> pendingConsents = new ConcurrentHashMap<>();

    OidcRoute(String baseUrl, String workspaceId, Oidc oidc, Auditor auditor, Faults faults) {
        this.baseUrl = baseUrl;
        this.faults = faults;
        this.workspaceId = workspaceId;
        this.oidc = oidc;
        this.protocol = new OidcProtocol(oidc);
        this.auditor = auditor;
    }

    @Override
    public boolean matches(String path) {
        return path.equals("/.well-known/databricks-config") || path.startsWith("/oidc/");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        switch (method + " " + path) {
            case "GET /.well-known/databricks-config" -> HttpResponses.json(ex, 200, Map.of(
                    "oidc_endpoint", baseUrl + "/oidc", "workspace_id", workspaceId, "cloud", "AWS"));
            case "GET /oidc/.well-known/oauth-authorization-server",
                    "GET /oidc/.well-known/openid-configuration" ->
                HttpResponses.json(ex, 200, discovery());
            case "GET /oidc/jwks.json" -> HttpResponses.json(ex, 200, Map.of("keys", List.of()));
            case "GET /oidc/v1/authorize" -> authorize(ex);
            case "POST /oidc/v1/authorize/decision" -> decision(ex);
            case "POST /oidc/v1/token" -> token(ex);
            default -> HttpResponses.json(ex, 404, Map.of("error", "not_found", "error_description",
                    "No OIDC endpoint " + method + " " + path));
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", baseUrl + "/oidc");
        d.put("authorization_endpoint", baseUrl + "/oidc/v1/authorize");
        d.put("token_endpoint", baseUrl + "/oidc/v1/token");
        d.put("jwks_uri", baseUrl + "/oidc/jwks.json");
        d.put("scopes_supported", List.of("all-apis", "email", "offline_access", "openid", "profile", "sql"));
        d.put("response_types_supported", List.of("code", "id_token"));
        d.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        d.put("grant_types_supported", List.of("client_credentials", "authorization_code", "refresh_token",
                Oidc.TOKEN_EXCHANGE_GRANT));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("request_uri_parameter_supported", false);
        return d;
    }

    private void authorize(HttpExchange ex) throws IOException {
        Auditor.Entry audit = auditor.begin(ex, "oauth2", "authorize");
        try {
            Map<String, String> query = OidcProtocol.form(ex.getRequestURI().getRawQuery());
            audit.param("client_id", query.get("client_id"));
            OidcProtocol.AuthorizeOutcome outcome = protocol.authorize(query);
            if (outcome.error() != null) {
                audit.outcome(outcome.status(), outcome.error());
                HttpResponses.json(ex, outcome.status(), Map.of("error", "invalid_request", "error_description",
                        outcome.error()));
                return;
            }
            if (outcome.redirect() != null) {
                audit.identity(oidc.signedInUser(), "session").outcome(302, null);
                redirect(ex, outcome.redirect());
                return;
            }
            String consentId = UUID.randomUUID().toString();
            pendingConsents.put(consentId, outcome.request());
            audit.identity(oidc.signedInUser(), "session").outcome(200, null);
            byte[] page = ConsentPage.render(consentId, outcome.request(), oidc.signedInUser())
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            HttpResponses.send(ex, 200, "text/html; charset=utf-8", page);
        } finally {
            audit.record();
        }
    }

    private void decision(HttpExchange ex) throws IOException {
        Auditor.Entry audit = auditor.begin(ex, "oauth2", "consent");
        try {
            Map<String, String> form = OidcProtocol.form(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            AuthorizeRequest request = pendingConsents.remove(String.valueOf(form.get("consent_id")));
            if (request == null) {
                audit.outcome(400, "unknown or already answered consent");
                HttpResponses.json(ex, 400, Map.of("error", "invalid_request", "error_description",
                        "Unknown or already answered consent request"));
                return;
            }
            boolean approved = "approve".equals(form.get("decision"));
            audit.identity(oidc.signedInUser(), "session").param("client_id", request.clientId())
                    .param("decision", approved ? "approve" : "deny").outcome(302, null);
            redirect(ex, approved ? protocol.approve(request, Duration.ofSeconds(60)) : protocol.deny(request));
        } finally {
            audit.record();
        }
    }

    private void token(HttpExchange ex) throws IOException {
        Auditor.Entry audit = auditor.begin(ex, "oauth2", "tokenRequest");
        try {
            Map<String, String> form = OidcProtocol.form(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            audit.param("grant_type", form.get("grant_type"));
            Fault fault = faults.nextForRestRequest("tokenRequest");
            if (fault != null) {
                int status = HttpResponses.faultStatus(ex, fault);
                audit.param("injectedFault", fault.type().name());
                audit.outcome(status, "injected fault " + fault.type());
                HttpResponses.json(ex, status, Map.of("error", status == 401 ? "invalid_client"
                        : "temporarily_unavailable", "error_description", "Injected fault " + fault.type()));
                return;
            }
            try {
                protocol.tokenRequestGate().pass();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while a test held the token request", e);
            }
            OidcProtocol.TokenOutcome outcome = protocol.token(form, ex.getRequestHeaders().getFirst("Authorization"));
            audit.param("client_id", outcome.clientId());
            if (outcome.subject() != null) {
                audit.identity(outcome.subject(), outcome.authMethod());
            }
            audit.params(outcome.auditParams());
            audit.outcome(outcome.status(),
                    outcome.status() == 200 ? null : String.valueOf(outcome.body().get("error")));
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            HttpResponses.json(ex, outcome.status(), outcome.body());
        } finally {
            audit.record();
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.send(ex, 302, "text/plain", new byte[0]);
    }
}
