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
package io.github.cameldatabricks.testkit.oidc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth protocol rules of the workspace, independent of HTTP: validating authorize requests, building the redirects
 * for approval and denial, and answering token requests.
 */
public final class OidcProtocol {

    /** Either an error to show (never redirected), a redirect (auto-approval), or a request awaiting consent. */
    public record AuthorizeOutcome(int status, String error, String redirect, AuthorizeRequest request) {
    }

    /** A token endpoint answer. */
    public record TokenOutcome(int status, Map<String, Object> body, String clientId, String subject,
            String authMethod, Map<String, String> auditParams) {
    }

    private final Oidc oidc;
    private final TokenGrants grants;

    public OidcProtocol(Oidc oidc) {
        this.oidc = oidc;
        this.grants = new TokenGrants(oidc);
    }

    /** The gate token requests pass before they are answered (see {@link Oidc#tokenRequestGate()}). */
    public TokenRequestGate tokenRequestGate() {
        return oidc.tokenRequestGate();
    }

    public static Map<String, String> form(String encoded) {
        return FormData.parse(encoded);
    }

    public AuthorizeOutcome authorize(Map<String, String> q) {
        String clientId = q.get("client_id");
        OAuthApp app = clientId == null ? null : oidc.app(clientId);
        if (app == null) {
            return new AuthorizeOutcome(400, "Unknown OAuth application '" + clientId + "'", null, null);
        }
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            // never redirect to an unregistered URI
            return new AuthorizeOutcome(400, "redirect_uri '" + redirectUri + "' not registered for OAuth application '"
                    + clientId + "'", null, null);
        }
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, q.get("state"),
                q.get("code_challenge"), q.getOrDefault("scope", "all-apis"));
        String problem = null;
        if (!"code".equals(q.get("response_type"))) {
            problem = "response_type must be 'code'";
        } else if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            problem = "PKCE is required: code_challenge with code_challenge_method=S256";
        } else if (!TokenGrants.scopesAllowed(request.scope(), app.scopes())) {
            return new AuthorizeOutcome(302, null, redirect(request, Map.of("error", "invalid_scope",
                    "error_description", "Requested scope is not allowed for this application")), null);
        }
        if (problem != null) {
            return new AuthorizeOutcome(302, null, redirect(request, Map.of("error", "invalid_request",
                    "error_description", problem)), null);
        }
        if (oidc.isAutoApprove()) {
            return new AuthorizeOutcome(302, null, approve(request, Duration.ofSeconds(60)), null);
        }
        return new AuthorizeOutcome(200, null, null, request);
    }

    /** The redirect after approval, carrying a single-use code and the echoed state. */
    public String approve(AuthorizeRequest request, Duration codeLifetime) {
        String code = oidc.newCode(new Oidc.PendingCode(request.clientId(), request.redirectUri(),
                request.codeChallenge(), request.scope(), oidc.signedInUser(), oidc.now().plus(codeLifetime)));
        return redirect(request, Map.of("code", code));
    }

    public String deny(AuthorizeRequest request) {
        return redirect(request, Map.of("error", "access_denied", "error_description", "The user denied the request"));
    }

    private static String redirect(AuthorizeRequest request, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (request.state() != null) {
            all.put("state", request.state());
        }
        return request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?") + FormData.encode(all);
    }

    public TokenOutcome token(Map<String, String> form, String authorizationHeader) {
        String clientId = form.get("client_id");
        try {
            TokenGrants.Issued issued = grants.grant(form, authorizationHeader);
            return new TokenOutcome(200, issued.body(), clientId, issued.subject(), issued.method(),
                    issued.auditParams());
        } catch (OAuthError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.error());
            body.put("error_description", e.getMessage());
            return new TokenOutcome(e.status(), body, clientId, null, "none", Map.of());
        }
    }
}
