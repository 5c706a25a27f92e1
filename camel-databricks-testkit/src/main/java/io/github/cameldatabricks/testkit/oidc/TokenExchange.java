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

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The token exchange grant of OAuth token federation (RFC 8693): a JWT from a trusted identity provider is exchanged
 * for a workspace access token. With {@code client_id} the service principal's federation policies apply (workload
 * identity federation), without it the account-wide ones. The subject token is checked as the workspace checks it:
 * signature by the issuer's JWKS, then {@code iss}, {@code exp}, {@code aud} and {@code sub} against the policies.
 * Malformed requests are {@code invalid_request}; a well-formed token that no policy accepts is {@code invalid_grant},
 * with a description naming the claim at fault but never the token.
 */
final class TokenExchange {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    /** How the audit and the workspace name requests made with a federated token. */
    static final String AUTH_METHOD = "oauth-federation";

    /** Who the token was exchanged for, and the workload token's issuer and subject (for the audit). */
    record Federated(String principal, String issuer, String subject) {
    }

    private final Oidc oidc;
    private final IssuerKeys keys = new IssuerKeys();

    TokenExchange(Oidc oidc) {
        this.oidc = oidc;
    }

    Federated exchange(Map<String, String> form) throws OAuthError {
        String clientId = blankToNull(form.get("client_id"));
        String subjectToken = form.get("subject_token");
        if (subjectToken == null || subjectToken.isBlank()) {
            throw OAuthError.invalidRequest("Missing subject_token");
        }
        if (!JWT_TOKEN_TYPE.equals(form.get("subject_token_type"))) {
            throw OAuthError.invalidRequest("subject_token_type must be " + JWT_TOKEN_TYPE);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(subjectToken.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw OAuthError.invalidRequest("subject_token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                && !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw OAuthError.invalidRequest("subject_token must be signed with RS256 or ES256");
        }
        String issuer = claims.getIssuer();
        if (clientId != null && oidc.federationPolicies(clientId).isEmpty()) {
            throw OAuthError.invalidGrant("Service principal '" + clientId + "' has no federation policy");
        }
        List<FederationPolicy> policies = oidc.federationPolicies(clientId).stream()
                .filter(p -> p.issuer().equals(issuer)).toList();
        if (policies.isEmpty()) {
            throw OAuthError.invalidGrant("No federation policy " + (clientId == null ? "of the account"
                    : "of service principal '" + clientId + "'") + " trusts issuer '" + issuer + "'");
        }
        verifySignature(jwt, issuer);
        Date exp = claims.getExpirationTime();
        Instant now = oidc.now();
        if (exp == null || !now.isBefore(exp.toInstant())) {
            throw OAuthError.invalidGrant("The subject token has expired" + (exp == null ? " (it has no exp claim)"
                    : " (exp " + exp.toInstant() + ")"));
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            throw OAuthError.invalidGrant("The subject token is not valid yet (nbf " + claims.getNotBeforeTime()
                    .toInstant() + ")");
        }
        List<String> audiences = claims.getAudience();
        List<FederationPolicy> forAudience = policies.stream()
                .filter(p -> audiences.stream().anyMatch(p.audiences()::contains)).toList();
        if (forAudience.isEmpty()) {
            throw OAuthError.invalidGrant("The subject token's audience " + audiences + " does not match the audiences"
                    + " of the federation policy for issuer '" + issuer + "'");
        }
        String subject = claims.getSubject();
        FederationPolicy policy = forAudience.stream()
                .filter(p -> p.subject() == null || p.subject().equals(subject)).findFirst().orElse(null);
        if (policy == null || subject == null) {
            throw OAuthError.invalidGrant("The subject token's subject '" + subject + "' is not allowed by the"
                    + " federation policy for issuer '" + issuer + "'");
        }
        return new Federated(policy.isAccountWide() ? subject : policy.servicePrincipal(), issuer, subject);
    }

    private void verifySignature(SignedJWT jwt, String issuer) throws OAuthError {
        JWK key = keys.key(issuer, jwt.getHeader().getKeyID());
        try {
            boolean verified = key instanceof RSAKey rsa ? jwt.verify(new RSASSAVerifier(rsa))
                    : key instanceof ECKey ec && jwt.verify(new ECDSAVerifier(ec));
            if (!verified) {
                throw OAuthError.invalidGrant("The subject token's signature does not verify with the keys of"
                        + " issuer '" + issuer + "'");
            }
        } catch (JOSEException e) {
            throw OAuthError.invalidGrant("The subject token's signature does not verify with the keys of issuer '"
                    + issuer + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
