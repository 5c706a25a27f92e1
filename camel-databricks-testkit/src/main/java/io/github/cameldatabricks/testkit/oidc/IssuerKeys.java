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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The signing keys of the identity providers that federation policies trust, found as the workspace finds them: the
 * issuer's OIDC discovery document names its {@code jwks_uri}. Key sets are cached per issuer and fetched again when a
 * token names a key id the cache does not hold (the provider rotated its keys).
 */
final class IssuerKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, JWKSet> cache = new ConcurrentHashMap<>();

    /**
     * The key {@code keyId} of {@code issuer}, or null if the issuer publishes no such key.
     *
     * @throws OAuthError invalid_grant when the issuer's discovery or JWKS cannot be fetched
     */
    JWK key(String issuer, String keyId) throws OAuthError {
        JWKSet keys = cache.get(issuer);
        JWK key = keys == null ? null : find(keys, keyId);
        if (key == null) {
            keys = fetch(issuer);
            cache.put(issuer, keys);
            key = find(keys, keyId);
        }
        return key;
    }

    private static JWK find(JWKSet keys, String keyId) {
        if (keyId != null) {
            return keys.getKeyByKeyId(keyId);
        }
        return keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null;
    }

    private JWKSet fetch(String issuer) throws OAuthError {
        try {
            JsonNode discovery = JSON.readTree(get(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
            if (!issuer.equals(discovery.path("issuer").asText())) {
                throw OAuthError.invalidGrant("The OIDC discovery document of issuer '" + issuer
                        + "' names another issuer");
            }
            return JWKSet.parse(get(discovery.path("jwks_uri").asText()));
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw OAuthError.invalidGrant("Could not fetch the signing keys of issuer '" + issuer + "': "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthError.invalidGrant("Interrupted while fetching the signing keys of issuer '" + issuer + "'");
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + url);
        }
        return response.body();
    }
}
