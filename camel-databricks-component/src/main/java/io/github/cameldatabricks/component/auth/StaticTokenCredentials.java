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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A token that does not change for the life of the endpoint: a personal access token ({@code AuthMech=3}) or a
 * pre-obtained OAuth access token passed through ({@code AuthMech=11;Auth_Flow=0}).
 */
public final class StaticTokenCredentials implements DatabricksCredentials {

    private final DatabricksAuthMode mode;
    private final String token;

    public StaticTokenCredentials(DatabricksAuthMode mode, String token) {
        if (mode != DatabricksAuthMode.PAT && mode != DatabricksAuthMode.TOKEN_ENV) {
            throw new IllegalArgumentException("static tokens are for pat or token-env, not " + mode.option());
        }
        this.mode = mode;
        this.token = token;
    }

    @Override
    public DatabricksAuthMode mode() {
        return mode;
    }

    @Override
    public Map<String, String> jdbcProperties() {
        if (mode == DatabricksAuthMode.PAT) {
            return Map.of("AuthMech", "3", "UID", "token", "PWD", token);
        }
        // Databricks-issued tokens need no federation exchange; with it on, the driver would require a JWT and
        // would keep using a cached token after rotation
        return Map.of("AuthMech", "11", "Auth_Flow", "0", "Auth_AccessToken", token, "EnableTokenFederation", "0");
    }

    @Override
    public String accessToken() {
        return token;
    }

    @Override
    public String identity() {
        return mode.option() + ":" + fingerprint(token);
    }

    @Override
    public String describe() {
        return mode.option() + " (token " + fingerprint(token).substring(0, 8) + "...)";
    }

    static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
