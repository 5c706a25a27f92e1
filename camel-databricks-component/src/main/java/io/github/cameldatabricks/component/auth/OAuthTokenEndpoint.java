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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.oauth.Token;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * The workspace's OIDC endpoints: discovery and token requests (client_secret_post). Written here rather than taken
 * from databricks-sdk-java because the SDK's HTTP client, discovery and client-credentials classes are
 * {@code @InternalApi} or read the ambient environment; the SDK's public {@code Token} and {@code CachedTokenSource}
 * are reused for caching and refresh. Errors become the SDK's public {@link DatabricksError} with the HTTP status and
 * the OAuth {@code error} code, which the classifier reads.
 */
public final class OAuthTokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final WorkspaceHost host;
    private final Clock clock;
    private final Duration timeout;
    private volatile URI tokenEndpoint;
    private volatile URI authorizationEndpoint;

    /** @param timeout how long a request may take (the oauthTimeout option) */
    public OAuthTokenEndpoint(WorkspaceHost host, Clock clock, Duration timeout) {
        this.host = host;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The authorization endpoint (for U2M), from discovery. */
    public URI authorizationEndpoint() {
        discover();
        return authorizationEndpoint;
    }

    private void discover() {
        if (tokenEndpoint != null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(host.url()
                + "/oidc/.well-known/oauth-authorization-server")).timeout(timeout).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new DatabricksError("discovery_failed", "OIDC discovery at " + host.url()
                    + " answered HTTP " + response.statusCode(), response.statusCode());
        }
        JsonNode document = parse(response.body());
        authorizationEndpoint = onWorkspaceHost(document, "authorization_endpoint");
        tokenEndpoint = onWorkspaceHost(document, "token_endpoint");
    }

    /**
     * An endpoint named by the discovery document, accepted only on the workspace's own scheme, host and port: the
     * client secret and refresh tokens are posted there, so a document naming another host (or plain http) must not
     * redirect them.
     */
    private URI onWorkspaceHost(JsonNode document, String field) {
        String text = document.path(field).asText("");
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        URI workspace = URI.create(host.url());
        if (uri == null || !uri.isAbsolute() || text.isBlank()) {
            throw new DatabricksError("discovery_failed", "OIDC discovery at " + host.url() + " returned no valid "
                    + field + ": is the host a Databricks workspace URL?", 502);
        }
        if (!workspace.getScheme().equalsIgnoreCase(uri.getScheme())
                || !workspace.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                || effectivePort(workspace) != effectivePort(uri) || uri.getRawUserInfo() != null) {
            throw new DatabricksError("discovery_failed", "OIDC discovery at " + host.url() + " named a " + field
                    + " on another scheme, host or port; credentials are only sent to the workspace itself", 502);
        }
        return uri;
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Requests a token.
     *
     * @param form the grant's form fields (client credentials included, as client_secret_post)
     * @throws DatabricksError with the HTTP status and OAuth error code when the endpoint refuses
     */
    public Token request(Map<String, String> form) {
        discover();
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200) {
            String error = json.path("error").asText("http_" + response.statusCode());
            // error_description is the server's text: it tells the user what went wrong; kept to one short line so
            // that a hostile server cannot forge log lines or flood them
            throw new DatabricksError(oneLine(error, 64), oneLine(error, 64) + ": "
                    + oneLine(json.path("error_description").asText(""), 300), response.statusCode());
        }
        String accessToken = json.path("access_token").asText(null);
        if (accessToken == null) {
            throw new DatabricksError("invalid_response", "the token endpoint returned no access_token", 502);
        }
        long expiresIn = json.path("expires_in").asLong(3600);
        String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null;
        // the token's real expiry: the safety margin before it is the token cache's expiry buffer
        // (OAuthCredentials), so that its background refresh still starts half-way through the real lifetime
        return new Token(accessToken, json.path("token_type").asText("Bearer"), refresh,
                clock.instant().plusSeconds(expiresIn));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            // classified like a gateway timeout: transient, retryable, and never mistaken for a warehouse state
            throw new DatabricksError("timeout", "the workspace OIDC endpoint " + request.uri() + " did not answer"
                    + " within oauthTimeout (" + timeout.toMillis() + " ms)", 504);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach the workspace OIDC endpoint " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting an OAuth token", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Untrusted text for a message: control characters (CR, LF, ...) replaced, at most {@code max} characters. */
    static String oneLine(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= max ? clean : clean.substring(0, max) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
