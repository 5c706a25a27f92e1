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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.databricks.sdk.core.DatabricksError;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the token endpoint's refusal of a token exchange into a message that names the cause and the fix. The server's
 * {@code error_description} says which check failed; the workload token's own claims ({@code iss}, {@code sub},
 * {@code aud}, {@code exp}, read here without verifying it) say what the federation policy must match. Those claims
 * identify the workload, not a credential, so they may be shown; the token itself never is. The error code becomes
 * {@value #CODE} so the classifier reports this message rather than the U2M advice it gives for a plain
 * {@code invalid_grant}.
 */
final class FederationErrors {

    static final String CODE = "token_exchange_refused";
    /** "subject" as the claim, not as in "the subject token". */
    private static final java.util.regex.Pattern SUBJECT_CLAIM = java.util.regex.Pattern
            .compile("\\bsubject\\b(?! token)");

    private final WorkloadToken source;
    private final String clientId;
    private final Clock clock;

    FederationErrors(WorkloadToken source, String clientId, Clock clock) {
        this.source = source;
        this.clientId = clientId;
        this.clock = clock;
    }

    /** The refusal explained; other failures (rate limits, outages, timeouts) unchanged. */
    DatabricksError explain(DatabricksError refused, String jwt) {
        int status = refused.getStatusCode();
        if (status != 400 && status != 401 && status != 403) {
            return refused;
        }
        JsonNode claims = JwtClaims.of(jwt);
        String issuer = OAuthTokenEndpoint.oneLine(claims.path("iss").asText("?"), 200);
        String subject = OAuthTokenEndpoint.oneLine(claims.path("sub").asText("?"), 200);
        List<String> audiences = new ArrayList<>();
        if (claims.path("aud").isArray()) {
            claims.path("aud").forEach(a -> audiences.add(OAuthTokenEndpoint.oneLine(a.asText(), 200)));
        } else if (claims.hasNonNull("aud")) {
            audiences.add(OAuthTokenEndpoint.oneLine(claims.path("aud").asText(), 200));
        }
        Instant exp = claims.hasNonNull("exp") ? Instant.ofEpochSecond(claims.path("exp").asLong()) : null;
        String server = refused.getMessage();
        String said = server.toLowerCase(Locale.ROOT);
        String policy = clientId == null ? "an account-wide federation policy"
                : "a federation policy of service principal " + clientId;
        String fix;
        if (said.contains("expired") || (exp != null && !clock.instant().isBefore(exp))) {
            fix = "the workload token expired" + (exp == null ? "" : " at " + exp) + ". The platform must keep "
                    + source.describe() + " fresh: on Kubernetes mount a projected serviceAccountToken volume (the"
                    + " kubelet rewrites it), in CI request a new ID token; the token is read again at every"
                    + " exchange";
        } else if (said.contains("audience")) {
            fix = "the token's audience " + audiences + " is not one " + policy + " accepts. Issue the token for the"
                    + " policy's audience (Kubernetes: serviceAccountToken.audience; GitHub Actions: the audience of"
                    + " the ID token request) or add the audience to the policy";
        } else if (said.contains("signature")) {
            fix = "the token is not signed by a key the issuer '" + issuer + "' publishes. Check the policy's issuer"
                    + " URL and that the token comes from that issuer";
        } else if (SUBJECT_CLAIM.matcher(said).find()) {
            fix = "the token's subject '" + subject + "' is not the one " + policy + " allows. Set the policy's"
                    + " subject to it, or run the route as the workload the policy names";
        } else if (said.contains("issuer") || said.contains("no federation policy")) {
            fix = "no federation policy trusts the token's issuer '" + issuer + "'" + (clientId == null ? ""
                    : " for service principal " + clientId) + ". Create " + policy + " with this issuer, or set"
                    + " clientId to the service principal that has it" + (clientId == null ? "" : " (or unset"
                            + " clientId for account-wide federation)");
        } else {
            fix = "check " + policy + " (issuer '" + issuer + "', audiences " + audiences + ", subject '" + subject
                    + "') against the token";
        }
        return new DatabricksError(CODE, "OAuth token federation: the workspace refused the workload token from "
                + source.describe() + " (" + server + "): " + fix, status);
    }
}
