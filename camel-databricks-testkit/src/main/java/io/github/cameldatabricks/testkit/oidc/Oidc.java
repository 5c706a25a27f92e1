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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.cameldatabricks.testkit.auth.AuthResult;

/**
 * The workspace's OAuth authorization server: registries of service principals (M2M) and custom OAuth apps (U2M), the
 * signed-in user who approves consent, and the tokens it issues. Access tokens are HS256-signed JWTs with {@code iss},
 * {@code sub}, {@code aud}, {@code iat}, {@code exp}, {@code scope} and {@code client_id}, so the driver's
 * token-federation wrapper accepts them; their lifetime is configurable so tests can see them expire.
 */
public final class Oidc {

    /**
     * The grant type of OAuth token federation (RFC 8693 token exchange), as {@link #tokensIssued(String)} counts it.
     */
    public static final String TOKEN_EXCHANGE_GRANT = TokenExchange.GRANT_TYPE;

    /** The JWT claim that says how an access token was obtained (the audit's auth method for its requests). */
    static final String AUTH_METHOD_CLAIM = "auth_method";

    /** An authorization code waiting to be exchanged. */
    record PendingCode(String clientId, String redirectUri, String challenge, String scope, String user,
            Instant expiresAt) {
    }

    /** A refresh token's grant. */
    record RefreshGrant(String clientId, String user, String scope) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] signingKey = new byte[32];
    private final Map<String, ServicePrincipal> principals = new ConcurrentHashMap<>();
    private final Map<String, OAuthApp> apps = new ConcurrentHashMap<>();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> issuedByGrant = new ConcurrentHashMap<>();
    private final List<FederationPolicy> federationPolicies = new CopyOnWriteArrayList<>();
    private volatile String issuer = "http://127.0.0.1/oidc";
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile boolean rotateRefreshTokens;
    private volatile boolean autoApprove;
    private volatile String signedInUser;
    private final TokenRequestGate tokenGate = new TokenRequestGate();

    public Oidc(Clock clock, String signedInUser) {
        this.clock = clock;
        this.signedInUser = signedInUser;
        random.nextBytes(signingKey);
    }

    /** Called once the server knows its base URL; tokens are issued by {@code <baseUrl>/oidc}. */
    public void bind(String baseUrl) {
        this.issuer = baseUrl + "/oidc";
    }

    public String issuer() {
        return issuer;
    }

    /** Registers a service principal for OAuth M2M. */
    public Oidc addServicePrincipal(String applicationId, String secret, String displayName) {
        principals.put(applicationId, new ServicePrincipal(applicationId, secret, displayName));
        return this;
    }

    /**
     * An access token for a registered service principal, requested as an OAuth client requests one: a client
     * credentials POST to this warehouse's token endpoint over HTTP. For tests that hand a pre-obtained OAuth token to
     * the code under test; counts in {@link #tokensIssued(String)} like any other request. Plain-HTTP warehouses only.
     *
     * @throws IllegalStateException if the endpoint refuses or answers without a token (never naming the secret)
     */
    public String requestClientCredentialsToken(String applicationId, String secret)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString((applicationId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(issuer + "/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The token endpoint answered HTTP " + response.statusCode() + " for "
                    + applicationId);
        }
        String token = new ObjectMapper().readTree(response.body()).path("access_token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException(
                    "The token endpoint's answer for " + applicationId + " has no access_token");
        }
        return token;
    }

    /** Registers a custom OAuth app for U2M; {@code secret} null makes it a public client. */
    public Oidc addOAuthApp(String clientId, String secret, String... redirectUris) {
        apps.put(clientId, new OAuthApp(clientId, secret, List.of(redirectUris), null));
        return this;
    }

    /**
     * Registers an OAuth token federation policy: the token endpoint then exchanges JWTs of its issuer that pass it
     * (grant type {@value TokenExchange#GRANT_TYPE}). A policy naming a service principal applies to requests with that
     * {@code client_id}; an account-wide one to requests without a client id.
     */
    public Oidc addFederationPolicy(FederationPolicy policy) {
        federationPolicies.add(policy);
        return this;
    }

    /** Removes every federation policy. */
    public Oidc clearFederationPolicies() {
        federationPolicies.clear();
        return this;
    }

    /** The policies for a service principal, or the account-wide ones for a null client id. */
    List<FederationPolicy> federationPolicies(String clientId) {
        return federationPolicies.stream().filter(p -> clientId == null ? p.isAccountWide()
                : clientId.equals(p.servicePrincipal())).toList();
    }

    /** Lifetime of issued access tokens ({@code expires_in} and the JWT {@code exp}). */
    public Oidc accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    /** Single-use refresh tokens: every refresh returns a new one and invalidates the old one. */
    public Oidc rotateRefreshTokens(boolean rotate) {
        this.rotateRefreshTokens = rotate;
        return this;
    }

    /** Skip the consent page: authorize redirects straight back with a code (headless tests). */
    public Oidc autoApprove(boolean approve) {
        this.autoApprove = approve;
        return this;
    }

    /** The user who is "signed in" to the workspace and approves consent. */
    public Oidc signedInUser(String user) {
        this.signedInUser = user;
        return this;
    }

    /** How many tokens were issued for a grant type ({@code client_credentials}, {@code authorization_code}, ...). */
    public long tokensIssued(String grantType) {
        AtomicLong n = issuedByGrant.get(grantType);
        return n == null ? 0 : n.get();
    }

    /** Tokens issued for every grant type. */
    public long tokensIssued() {
        return issuedByGrant.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The gate every token request passes before it is answered: lets a test hold token requests. */
    public TokenRequestGate tokenRequestGate() {
        return tokenGate;
    }

    boolean isAutoApprove() {
        return autoApprove;
    }

    /** The user who approves consent. */
    public String signedInUser() {
        return signedInUser;
    }

    ServicePrincipal servicePrincipal(String applicationId) {
        return principals.get(applicationId);
    }

    OAuthApp app(String clientId) {
        return apps.get(clientId);
    }

    String newCode(PendingCode pending) {
        String code = "dcode" + randomString(24);
        codes.put(code, pending);
        return code;
    }

    /** Takes a code for exchange: single use, whatever the outcome. */
    PendingCode takeCode(String code) {
        return code == null ? null : codes.remove(code);
    }

    Instant now() {
        return clock.instant();
    }

    String newRefreshToken(RefreshGrant grant) {
        String token = "dor" + randomString(32);
        refreshTokens.put(token, grant);
        return token;
    }

    RefreshGrant refreshGrant(String token) {
        return token == null ? null : refreshTokens.get(token);
    }

    /** Redeems a refresh token: with rotation the old one is invalidated (atomically, so a replay fails). */
    RefreshGrant redeemRefreshToken(String token) {
        if (token == null) {
            return null;
        }
        return rotateRefreshTokens ? refreshTokens.remove(token) : refreshTokens.get(token);
    }

    boolean rotatesRefreshTokens() {
        return rotateRefreshTokens;
    }

    /** Issues a signed access token and counts it. */
    String issueAccessToken(String grantType, String subject, String clientId, String scope) {
        return issueAccessToken(grantType, subject, clientId, scope, "oauth");
    }

    /** Issues a signed access token whose requests the workspace audits with {@code authMethod}. */
    String issueAccessToken(String grantType, String subject, String clientId, String scope, String authMethod) {
        issuedByGrant.computeIfAbsent(grantType, g -> new AtomicLong()).incrementAndGet();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(accessTokenLifetime)))
                .jwtID(UUID.randomUUID().toString()).claim("scope", scope).claim("client_id", clientId)
                .claim(AUTH_METHOD_CLAIM, authMethod).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    long accessTokenLifetimeSeconds() {
        return accessTokenLifetime.toSeconds();
    }

    /** Checks an access token presented to the workspace: signature, issuer, expiry. */
    public AuthResult verify(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return AuthResult.rejected("Invalid access token.");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new MACVerifier(signingKey))) {
                return AuthResult.rejected("Invalid access token.");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                return AuthResult.rejected("Invalid access token.");
            }
            Date exp = claims.getExpirationTime();
            if (exp == null || !clock.instant().isBefore(exp.toInstant())) {
                return AuthResult.rejected("Invalid access token. The token has expired.");
            }
            String method = claims.getStringClaim(AUTH_METHOD_CLAIM);
            return AuthResult.accepted(claims.getSubject(), method == null ? "oauth" : method);
        } catch (ParseException | JOSEException e) {
            return AuthResult.rejected("Invalid access token.");
        }
    }

    /** Scopes as a set, split on spaces. */
    static Set<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? Set.of()
                : Set.copyOf(java.util.Arrays.asList(scope.trim().split("\\s+")));
    }

    private String randomString(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
