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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth U2M tokens: a refresh with the latest refresh token when there is one, else a browser sign-in. It is the single
 * owner of the refresh token, so single-use (rotating) refresh tokens are safe: each new one is written to the cache
 * before it is used. A refused refresh token (invalid_grant) is dropped, so the next attempt signs in.
 */
final class RefreshTokenSource implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenSource.class);

    private final OAuthTokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final U2mSignIn signIn;
    private final TokenCacheFile cache;
    private final AtomicLong requests = new AtomicLong();
    private String refreshToken;

    RefreshTokenSource(OAuthTokenEndpoint endpoint, String clientId, String clientSecret, U2mSignIn signIn,
            TokenCacheFile cache, String initialRefreshToken) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.signIn = signIn;
        this.cache = cache;
        this.refreshToken = initialRefreshToken;
    }

    @Override
    public synchronized Token getToken() {
        requests.incrementAndGet();
        Token token;
        if (refreshToken == null) {
            if (!InteractiveSignInPermit.isPermitted()) {
                // a background refresh: the exchange that finds the token expired signs in instead
                throw new DatabricksError("sign_in_required", "A new sign-in is needed; it starts with the next"
                        + " exchange, not in the background", 401);
            }
            token = signIn.signIn();
        } else {
            try {
                token = refresh();
            } catch (DatabricksError e) {
                if (!"invalid_grant".equals(e.getErrorCode())) {
                    throw e;
                }
                token = refreshWithANewerCachedToken(e);
            }
        }
        if (token.getRefreshToken() != null) {
            refreshToken = token.getRefreshToken();
        } else {
            // keep the refresh token we have: a response without one does not revoke it
            token = new Token(token.getAccessToken(), token.getTokenType(), refreshToken, token.getExpiry());
        }
        if (cache != null) {
            cache.save(token);
        }
        return token;
    }

    /**
     * Another owner of the same cache file (another Camel context or process using this app) may have rotated the
     * refresh token: then the file holds the newer one, which is tried once. Only a file still holding the refused
     * token is deleted, so a newer one written by someone else is never lost.
     */
    private Token refreshWithANewerCachedToken(DatabricksError refused) {
        String refusedToken = refreshToken;
        Token cached = cache == null ? null : cache.load();
        if (cached != null && !cached.getRefreshToken().equals(refusedToken)) {
            LOG.info("The refresh token was refused, but the token cache holds a newer one (rotated by another"
                    + " user of this OAuth app's cache): using it");
            refreshToken = cached.getRefreshToken();
            try {
                return refresh();
            } catch (DatabricksError e) {
                if (!"invalid_grant".equals(e.getErrorCode())) {
                    throw e;
                }
                refusedToken = refreshToken;
                refused = e;
            }
        }
        LOG.warn("The refresh token was refused (invalid_grant: expired, revoked or already used); the next attempt"
                + " will ask to sign in again");
        refreshToken = null;
        if (cache != null) {
            cache.deleteIfHolding(refusedToken);
        }
        throw refused;
    }

    private Token refresh() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return endpoint.request(form);
    }

    /** Token requests so far (sign-ins and refreshes). */
    long requests() {
        return requests.get();
    }
}
