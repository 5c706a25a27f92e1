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

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.oauth.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OAuth U2M sign-in with a custom OAuth app: authorization code with PKCE S256, the browser opened on the authorize
 * URL, the code received on the loopback redirect URI, and exchanged for tokens.
 */
final class U2mSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(U2mSignIn.class);
    static final String SCOPES = "all-apis offline_access";
    /**
     * One sign-in at a time per loopback port in this JVM: two endpoints (or two OAuth apps) with the same redirect
     * port would otherwise race for it, and the loser would be told to stop "the program listening on port N".
     */
    private static final Map<Integer, Semaphore> PORTS = new ConcurrentHashMap<>();

    private final OAuthTokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final BrowserLauncher browser;
    private final Duration timeout;

    U2mSignIn(OAuthTokenEndpoint endpoint, String clientId, String clientSecret, URI redirectUri,
            BrowserLauncher browser, Duration timeout) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.browser = browser;
        this.timeout = timeout;
    }

    /** Runs the sign-in, after any other sign-in of this JVM on the same port; returns the tokens. */
    Token signIn() {
        Semaphore port = PORTS.computeIfAbsent(redirectUri.getPort(), p -> new Semaphore(1));
        try {
            if (!port.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DatabricksError("sign_in_timeout", "Another sign-in of this application has been waiting"
                        + " on port " + redirectUri.getPort() + " for more than " + timeout.toSeconds() + " s"
                        + " (consentTimeout): complete it in the browser first", 408);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another sign-in to finish", e);
        }
        try {
            return signInHoldingThePort();
        } finally {
            port.release();
        }
    }

    private Token signInHoldingThePort() {
        Pkce pkce = Pkce.create();
        URI authorize = authorizeUrl(pkce);
        LoopbackCallbackServer server;
        try {
            server = LoopbackCallbackServer.start(redirectUri, pkce.state());
        } catch (IllegalArgumentException e) {
            throw new DatabricksError("sign_in_failed", e.getMessage(), 0);
        }
        try (LoopbackCallbackServer callback = server) {
            LOG.info("Signing in to Databricks with OAuth app {}: waiting up to {} s for the browser to return to {}",
                    clientId, timeout.toSeconds(), redirectUri);
            try {
                browser.open(authorize);
            } catch (Exception e) {
                LOG.warn("Could not open a browser ({}): open this URL in a browser to sign in: {}",
                        e.getClass().getSimpleName(), authorize);
            }
            LoopbackCallbackServer.Callback result;
            try {
                result = callback.await(timeout);
            } catch (TimeoutException e) {
                throw new DatabricksError("sign_in_timeout", "No sign-in within " + timeout.toSeconds() + " s"
                        + " (consentTimeout): the browser did not return to " + redirectUri + ". Open " + authorize
                        + " in a browser; if the sign-in page reports a redirect URI mismatch, register exactly "
                        + redirectUri + " for the OAuth app " + clientId + " (or set redirectUri to the one it has)",
                        408);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the sign-in", e);
            }
            if (result.error() != null) {
                throw new DatabricksError(result.error(), result.error() + ": the sign-in was not completed"
                        + (result.errorDescription() == null ? "" : " (" + result.errorDescription() + ")"), 401);
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", result.code());
            form.put("code_verifier", pkce.verifier());
            form.put("redirect_uri", redirectUri.toString());
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
            Token token = endpoint.request(form);
            LOG.info("Signed in to Databricks with OAuth app {}", clientId);
            return token;
        }
    }

    private URI authorizeUrl(Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.put("redirect_uri", redirectUri.toString());
        query.put("response_type", "code");
        query.put("scope", SCOPES);
        query.put("state", pkce.state());
        return URI.create(endpoint.authorizationEndpoint() + "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
