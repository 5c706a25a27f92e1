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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the component authenticates to the workspace (option {@code authMode}, or {@code APP_AUTH_TYPE}). */
public enum DatabricksAuthMode {
    /** Personal access token (testing only in PWAF terms). */
    PAT("pat", "pat"),
    /** A pre-obtained OAuth access token, e.g. from {@code DATABRICKS_ACCESS_TOKEN} (headless/CI). */
    TOKEN_ENV("token-env", "token_env", "token-env", "access_token"),
    /** OAuth machine-to-machine with a service principal (client credentials). */
    OAUTH_M2M("oauth-m2m", "oauth_m2m", "m2m"),
    /** OAuth user-to-machine with a custom OAuth app (authorization code + PKCE). */
    OAUTH_U2M("oauth-u2m", "oauth_u2m", "u2m"),
    /**
     * OAuth token federation (workload identity): the workload's JWT from its platform (Kubernetes, CI, a cloud) is
     * exchanged for a Databricks token, for a service principal or account-wide; no Databricks secret.
     */
    OAUTH_FEDERATION("oauth-federation", "oauth_federation", "oauth-federation", "federation");

    private final String option;
    private final String[] appAuthTypes;

    DatabricksAuthMode(String option, String... appAuthTypes) {
        this.option = option;
        this.appAuthTypes = appAuthTypes;
    }

    /** The value of the {@code authMode} option. */
    public String option() {
        return option;
    }

    /**
     * The option's spelling, e.g. {@code oauth-m2m}: what Camel shows for the option (JMX, {@code camel get
     * endpoint}) and what its enum converter maps back (dashes to underscores, any case).
     */
    @Override
    public String toString() {
        return option;
    }

    /** Parses {@code APP_AUTH_TYPE} with the PWAF spellings ({@code pat}, {@code oauth_m2m}/{@code m2m}, ...). */
    public static DatabricksAuthMode fromAppAuthType(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (DatabricksAuthMode m : values()) {
            for (String s : m.appAuthTypes) {
                if (s.equals(v)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("Invalid APP_AUTH_TYPE '" + value + "': expected one of "
                + Arrays.stream(values()).flatMap(m -> Arrays.stream(m.appAuthTypes))
                        .collect(Collectors.joining(", ")));
    }
}
