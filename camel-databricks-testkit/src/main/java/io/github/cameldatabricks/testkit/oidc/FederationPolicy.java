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

import java.util.Set;

/**
 * An OAuth token federation policy: which identity provider's JWTs the workspace exchanges for its own access tokens,
 * and for whom. A service principal federation policy (workload identity federation) names the service principal and
 * the one workload {@code subject} allowed to act as it; an account-wide policy names no service principal and maps the
 * token's {@code sub} claim to the Databricks user or service principal of that name.
 *
 * @param issuer           the {@code iss} the JWT must carry; its OIDC discovery names the JWKS that signs it
 * @param audiences        the token's {@code aud} must contain at least one of these
 * @param subject          the {@code sub} the token must carry, or null to accept any subject (account-wide only)
 * @param servicePrincipal the service principal's application id the token is exchanged for (requests carry it as
 *                         {@code client_id}), or null for an account-wide policy
 */
public record FederationPolicy(String issuer, Set<String> audiences, String subject, String servicePrincipal) {

    public FederationPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a federation policy needs an issuer");
        }
        audiences = Set.copyOf(audiences);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("a federation policy needs at least one audience");
        }
        if (servicePrincipal != null && subject == null) {
            throw new IllegalArgumentException("a service principal federation policy needs the workload's subject");
        }
    }

    /**
     * Workload identity federation: the workload {@code subject} of {@code issuer} may act as the service principal.
     */
    public static FederationPolicy forServicePrincipal(String applicationId, String issuer, String audience,
            String subject) {
        return new FederationPolicy(issuer, Set.of(audience), subject, applicationId);
    }

    /** Account-wide federation: any subject of {@code issuer} is the Databricks principal of that name. */
    public static FederationPolicy accountWide(String issuer, String... audiences) {
        return new FederationPolicy(issuer, Set.of(audiences), null, null);
    }

    boolean isAccountWide() {
        return servicePrincipal == null;
    }
}
