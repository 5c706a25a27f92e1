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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.oauth.Token;
import com.databricks.sdk.core.oauth.TokenSource;

/**
 * OAuth token federation: a Databricks access token for the workload's identity token (RFC 8693 token exchange), with a
 * freshly read workload token on every request. Written here rather than using the SDK's
 * {@code DatabricksOAuthTokenSource} because that one dates the token's expiry with {@code Instant.now()} instead of
 * the component's clock, needs the SDK's {@code @InternalApi} HTTP client and endpoint classes, and logs the failure
 * itself at ERROR; the request goes through {@link OAuthTokenEndpoint} like the other OAuth modes' (see its Javadoc for
 * why). The workload token is read through the SDK's public {@code IDTokenSource} interface.
 */
public final class TokenExchangeTokenSource implements TokenSource {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    private final OAuthTokenEndpoint endpoint;
    private final WorkloadToken workloadToken;
    private final String clientId;
    private final FederationErrors errors;
    private final AtomicLong requests = new AtomicLong();

    /** @param clientId the service principal's application id (workload identity federation), or null (account-wide) */
    public TokenExchangeTokenSource(OAuthTokenEndpoint endpoint, WorkloadToken workloadToken, String clientId,
            java.time.Clock clock) {
        this.endpoint = endpoint;
        this.workloadToken = workloadToken;
        this.clientId = clientId;
        this.errors = new FederationErrors(workloadToken, clientId, clock);
    }

    @Override
    public Token getToken() {
        requests.incrementAndGet();
        String jwt = workloadToken.getIDToken(null).getValue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("subject_token", jwt);
        form.put("subject_token_type", JWT_TOKEN_TYPE);
        form.put("scope", "all-apis");
        form.put("client_id", clientId);
        try {
            return endpoint.request(form);
        } catch (DatabricksError e) {
            throw errors.explain(e, jwt);
        }
    }

    /** How many token exchanges were made. */
    public long requests() {
        return requests.get();
    }

    @Override
    public String toString() {
        return "TokenExchangeTokenSource[" + (clientId == null ? "account-wide" : clientId) + ", "
                + workloadToken.describe() + "]";
    }
}
