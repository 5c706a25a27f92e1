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

import java.time.Duration;

import org.apache.camel.util.ObjectHelper;

/**
 * The endpoint's auth options as configured (URI or component), before the environment is consulted.
 *
 * @param authMode            the authMode option, or null when unset
 * @param token               a personal access token, or null
 * @param accessToken         a pre-obtained OAuth access token, or null
 * @param clientId            an OAuth client id, or null
 * @param clientSecret        an OAuth client secret, or null
 * @param redirectUri         the U2M redirect URI, or null
 * @param browserCommand      how to open the U2M sign-in page, or null for the system browser
 * @param consentTimeout      how long a U2M sign-in may take
 * @param tokenCacheDirectory where U2M tokens are kept, {@code none}, or null for the default
 * @param oauthTimeout        how long an OAuth request (discovery, token) may take
 * @param idTokenFile         the file holding the workload's identity token (oauth-federation), or null
 */
public record AuthOptions(DatabricksAuthMode authMode, String token, String accessToken, String clientId,
        String clientSecret,
        String redirectUri, String browserCommand, Duration consentTimeout, String tokenCacheDirectory,
        Duration oauthTimeout, String idTokenFile) {

    /** Whether any credential is given as an option (then the environment is not read for credentials). */
    boolean hasExplicitCredentials() {
        return ObjectHelper.isNotEmpty(token) || ObjectHelper.isNotEmpty(accessToken)
                || ObjectHelper.isNotEmpty(clientId) || ObjectHelper.isNotEmpty(clientSecret)
                || ObjectHelper.isNotEmpty(idTokenFile);
    }

    @Override
    public String toString() {
        return "AuthOptions[" + authMode + "]";
    }
}
