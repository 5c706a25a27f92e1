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

import java.util.List;
import java.util.Set;

/**
 * A custom OAuth app (an "app connection") for OAuth U2M: a client id, an optional secret (confidential app) and the
 * exact redirect URIs registered for it.
 *
 * @param clientId     the client id
 * @param secret       the client secret, or null for a public client
 * @param redirectUris redirect URIs, compared exactly
 * @param scopes       scopes the app may request
 */
public record OAuthApp(String clientId, String secret, List<String> redirectUris, Set<String> scopes) {

    public static final Set<String> DEFAULT_SCOPES = Set.of("all-apis", "sql", "offline_access", "openid", "email",
            "profile");

    public OAuthApp {
        redirectUris = List.copyOf(redirectUris);
        scopes = scopes == null ? DEFAULT_SCOPES : Set.copyOf(scopes);
    }

    boolean isPublic() {
        return secret == null;
    }
}
