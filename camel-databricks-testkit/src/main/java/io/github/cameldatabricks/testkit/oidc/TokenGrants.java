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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /oidc/v1/token}: the {@code client_credentials}, {@code authorization_code} (PKCE S256, single-use code,
 * exact redirect match) and {@code refresh_token} grants, with client authentication by HTTP Basic or form fields, and
 * OAuth error responses as Databricks sends them.
 */
final class TokenGrants {

    /** The outcome: the JSON body and who the token is for (for the audit). */
    record Issued(Map<String, Object> body, String subject, String method, Map<String, String> auditParams) {

        Issued(Map<String, Object> body, String subject) {
            this(body, subject, "oauth", Map.of());
        }
    }

    private final Oidc oidc;
    private final TokenExchange tokenExchange;

    TokenGrants(Oidc oidc) {
        this.oidc = oidc;
        this.tokenExchange = new TokenExchange(oidc);
    }

    Issued grant(Map<String, String> form, String authorizationHeader) throws OAuthError {
        String[] basic = basicCredentials(authorizationHeader);
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String clientSecret = basic != null ? basic[1] : form.get("client_secret");
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("Missing grant_type");
        }
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(clientId, clientSecret, form.get("scope"));
            case "authorization_code" -> authorizationCode(clientId, clientSecret, form);
            case "refresh_token" -> refresh(clientId, clientSecret, form.get("refresh_token"));
            case TokenExchange.GRANT_TYPE -> federated(form);
            default -> throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant_type " + grantType);
        };
    }

    private Issued clientCredentials(String clientId, String secret, String scope) throws OAuthError {
        ServicePrincipal sp = clientId == null ? null : oidc.servicePrincipal(clientId);
        if (sp == null || secret == null || !constantTimeEquals(sp.secret(), secret)) {
            throw OAuthError.invalidClient();
        }
        String granted = scope == null || scope.isBlank() ? "all-apis" : scope;
        return new Issued(tokenBody(oidc.issueAccessToken("client_credentials", sp.applicationId(), clientId, granted),
                granted, null), sp.applicationId());
    }

    private Issued authorizationCode(String clientId, String secret, Map<String, String> form) throws OAuthError {
        OAuthApp app = authenticateApp(clientId, secret);
        Oidc.PendingCode code = oidc.takeCode(form.get("code"));
        if (code == null) {
            throw OAuthError.invalidGrant("Authorization code is invalid, expired or already used");
        }
        if (oidc.now().isAfter(code.expiresAt())) {
            throw OAuthError.invalidGrant("Authorization code has expired");
        }
        if (!code.clientId().equals(app.clientId())) {
            throw OAuthError.invalidGrant("Authorization code was issued to another client");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !constantTimeEquals(code.challenge(), s256(verifier))) {
            throw OAuthError.invalidGrant("PKCE verification failed");
        }
        String access = oidc.issueAccessToken("authorization_code", code.user(), app.clientId(), code.scope());
        String refresh = Oidc.scopes(code.scope()).contains("offline_access")
                ? oidc.newRefreshToken(new Oidc.RefreshGrant(app.clientId(), code.user(), code.scope()))
                : null;
        return new Issued(tokenBody(access, code.scope(), refresh), code.user());
    }

    private Issued refresh(String clientId, String secret, String refreshToken) throws OAuthError {
        OAuthApp app = authenticateApp(clientId, secret);
        Oidc.RefreshGrant peek = oidc.refreshGrant(refreshToken);
        if (peek == null || !peek.clientId().equals(app.clientId())) {
            throw OAuthError.invalidGrant("Refresh token is invalid");
        }
        Oidc.RefreshGrant grant = oidc.redeemRefreshToken(refreshToken);
        if (grant == null) {
            throw OAuthError.invalidGrant("Refresh token is invalid");
        }
        String access = oidc.issueAccessToken("refresh_token", grant.user(), app.clientId(), grant.scope());
        // always return a refresh token: clients replace their whole token with the response
        String next = oidc.rotatesRefreshTokens() ? oidc.newRefreshToken(grant) : refreshToken;
        return new Issued(tokenBody(access, grant.scope(), next), grant.user());
    }

    /** OAuth token federation: no client secret, the subject token is the credential. */
    private Issued federated(Map<String, String> form) throws OAuthError {
        TokenExchange.Federated who = tokenExchange.exchange(form);
        String scope = form.get("scope") == null || form.get("scope").isBlank() ? "all-apis" : form.get("scope");
        String clientId = form.get("client_id") == null || form.get("client_id").isBlank() ? null
                : form.get("client_id").trim();
        String access = oidc.issueAccessToken(TokenExchange.GRANT_TYPE, who.principal(), clientId, scope,
                TokenExchange.AUTH_METHOD);
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("subject_token_issuer", who.issuer());
        audit.put("subject_token_subject", who.subject());
        return new Issued(tokenBody(access, scope, null), who.principal(), TokenExchange.AUTH_METHOD, audit);
    }

    private OAuthApp authenticateApp(String clientId, String secret) throws OAuthError {
        OAuthApp app = clientId == null ? null : oidc.app(clientId);
        if (app == null) {
            throw OAuthError.invalidClient();
        }
        if (!app.isPublic() && (secret == null || !constantTimeEquals(app.secret(), secret))) {
            throw OAuthError.invalidClient();
        }
        return app;
    }

    private Map<String, Object> tokenBody(String access, String scope, String refresh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", oidc.accessTokenLifetimeSeconds());
        body.put("scope", scope);
        if (refresh != null) {
            body.put("refresh_token", refresh);
        }
        return body;
    }

    /** Basic credentials split at the first ':' and not URL-decoded, as the Databricks SDK sends them. */
    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{ decoded.substring(0, colon), decoded.substring(colon + 1) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    static boolean scopesAllowed(String requested, Set<String> allowed) {
        return allowed.containsAll(Oidc.scopes(requested));
    }
}
