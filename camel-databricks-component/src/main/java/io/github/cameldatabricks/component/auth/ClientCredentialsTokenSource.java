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

import com.databricks.sdk.core.oauth.Token;
import com.databricks.sdk.core.oauth.TokenSource;

/** OAuth M2M: a new access token for the service principal from the client_credentials grant. */
public final class ClientCredentialsTokenSource implements TokenSource {

    private final OAuthTokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final AtomicLong requests = new AtomicLong();

    public ClientCredentialsTokenSource(OAuthTokenEndpoint endpoint, String clientId, String clientSecret) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public Token getToken() {
        requests.incrementAndGet();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", "all-apis");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return endpoint.request(form);
    }

    /** How many token requests were made. */
    public long requests() {
        return requests.get();
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokenSource[" + clientId + "]";
    }
}
