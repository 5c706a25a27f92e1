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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The claims of a JWT, read without verifying it: to fail fast when a pre-obtained token has already expired, and to
 * explain a refused workload token by its issuer, audience and subject. Nothing here fails on a malformed or opaque
 * token; the token itself is never kept or shown.
 */
final class JwtClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtClaims() {
    }

    /** The payload's claims, or an empty object when the token is not a JWT. */
    static JsonNode of(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }

    /** The {@code exp} claim, if the token is a JWT that has one. */
    static Optional<Instant> expiry(String jwt) {
        JsonNode exp = of(jwt).path("exp");
        return exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }
}
