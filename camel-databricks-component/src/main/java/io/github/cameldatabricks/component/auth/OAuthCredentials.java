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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

import com.databricks.sdk.core.oauth.CachedTokenSource;
import com.databricks.sdk.core.oauth.TokenSource;

/**
 * Credentials from a refreshing OAuth token source (M2M or U2M), shared by every connection of a pool. The SDK's
 * {@link CachedTokenSource} refreshes in the background once a token is half-way to expiry, so exchanges do not wait on
 * token requests; pooled connections outliving a token get the current one through
 * {@code setClientInfo("Auth_AccessToken", ...)} before each use (immediate with {@code EnableTokenFederation=0}).
 */
public final class OAuthCredentials implements DatabricksCredentials {

    private static final Duration MAX_EXPIRY_BUFFER = Duration.ofSeconds(10);

    private final DatabricksAuthMode mode;
    private final String identity;
    private final String clientId;
    private final String host;
    private final String description;
    private final TokenSource source;
    private final com.databricks.sdk.core.oauth.Token initial;
    private final Clock clock;
    /** Built from the first token, whose lifetime sets the expiry buffer; null until then. */
    private volatile CachedTokenSource tokens;
    private final LongSupplier tokenRequests;
    /** The expiry of the token last handed out, for the dev console; null before the first. */
    private volatile Instant lastExpiry;
    /** Which token each physical connection was last given; weak, so closed connections drop out. */
    private final Map<Connection, String> given = new WeakHashMap<>();

    /**
     * @param clientSecret only fingerprinted into the identity, so that endpoints with different secrets for one client
     *                     never share a pool or a token; may be null (a public U2M client)
     * @param initial      a token already held (U2M: from the token cache), or null
     */
    public OAuthCredentials(DatabricksAuthMode mode, String host, String clientId, String clientSecret,
            TokenSource source, com.databricks.sdk.core.oauth.Token initial, LongSupplier tokenRequests,
            Clock clock) {
        this(mode, mode.option() + ":" + host + ":" + clientId
                + (clientSecret == null ? "" : ":" + StaticTokenCredentials.fingerprint(clientSecret)),
                mode.option() + " (client " + clientId + ")", host, clientId, source, initial, tokenRequests, clock);
    }

    private OAuthCredentials(DatabricksAuthMode mode, String identity, String description, String host,
            String clientId, TokenSource source, com.databricks.sdk.core.oauth.Token initial,
            LongSupplier tokenRequests, Clock clock) {
        this.mode = mode;
        this.identity = identity;
        this.clientId = clientId;
        this.host = host;
        this.description = description;
        this.source = source;
        this.initial = initial;
        this.clock = clock;
        this.tokenRequests = tokenRequests;
    }

    /**
     * OAuth token federation credentials: one token cache per workspace, service principal (or account-wide) and
     * workload token source, so routes with the same identity share one Databricks token.
     *
     * @param clientId    the service principal's application id, or null for account-wide federation
     * @param tokenSource where the workload token is read (a file or variable name, never a token)
     */
    public static OAuthCredentials federated(String host, String clientId, String tokenSource, TokenSource source,
            LongSupplier tokenRequests, Clock clock) {
        String who = clientId == null ? "account-wide" : clientId;
        return new OAuthCredentials(DatabricksAuthMode.OAUTH_FEDERATION, DatabricksAuthMode.OAUTH_FEDERATION.option()
                + ":" + host + ":" + who + ":" + tokenSource,
                DatabricksAuthMode.OAUTH_FEDERATION.option() + " ("
                        + (clientId == null ? "account-wide" : "service principal " + clientId)
                        + ", workload token from "
                        + tokenSource + ")",
                host, clientId, source, null, tokenRequests, clock);
    }

    /**
     * The token cache, built when the first token is needed. Its expiry buffer — a token counts as expired this long
     * before its real expiry, so it is never sent as it expires — is 10% of that first token's lifetime, at most 10 s:
     * the SDK's fixed 40 s (or any fixed 10 s) would make a 10 s token expired on arrival and every exchange wait for a
     * new one. The margin is a buffer rather than an earlier expiry on the token because the SDK starts its background
     * refresh half-way through the remaining lifetime: with an earlier expiry, 10 s tokens would be renewed every 4.5 s
     * instead of every 5 s.
     */
    private CachedTokenSource tokens() {
        CachedTokenSource current = tokens;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (tokens == null) {
                com.databricks.sdk.core.oauth.Token first = initial != null ? initial : source.getToken();
                tokens = new CachedTokenSource.Builder(source).setClockSupplier(() -> clock)
                        .setExpiryBuffer(expiryBuffer(first, clock)).setToken(first).build();
            }
            return tokens;
        }
    }

    static Duration expiryBuffer(com.databricks.sdk.core.oauth.Token token, Clock clock) {
        if (token.getExpiry() == null) {
            return Duration.ZERO;
        }
        Duration lifetime = Duration.between(clock.instant(), token.getExpiry());
        if (lifetime.isNegative()) {
            return Duration.ZERO;
        }
        Duration tenth = lifetime.dividedBy(10);
        return tenth.compareTo(MAX_EXPIRY_BUFFER) > 0 ? MAX_EXPIRY_BUFFER : tenth;
    }

    @Override
    public DatabricksAuthMode mode() {
        return mode;
    }

    @Override
    public Map<String, String> jdbcProperties() {
        return Map.of("AuthMech", "11", "Auth_Flow", "0", "Auth_AccessToken", accessToken(),
                "EnableTokenFederation", "0");
    }

    /**
     * The current token. Never signs in interactively: it is also called from HikariCP's connection-adding thread and
     * the warehouse state client; the exchange's own {@link #ensureReady()} signs in first when needed.
     */
    @Override
    public String accessToken() {
        com.databricks.sdk.core.oauth.Token token = tokens().getToken();
        lastExpiry = token.getExpiry();
        return token.getAccessToken();
    }

    /**
     * When the token last handed out expires; null if none was yet. Read without asking the token source, so looking at
     * it (the dev console) never causes a token request.
     */
    public Instant tokenExpiry() {
        return lastExpiry;
    }

    /** The workspace the tokens are for. */
    public String host() {
        return host;
    }

    @Override
    public String principal() {
        return clientId;
    }

    /** Called on the exchange's thread before it borrows a connection: the one place a sign-in may start. */
    @Override
    public void ensureReady() {
        InteractiveSignInPermit.runPermitted(this::accessToken);
    }

    @Override
    public void beforeUse(Connection pooled) throws SQLException {
        Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        String current = InteractiveSignInPermit.runPermitted(this::accessToken);
        synchronized (given) {
            if (current.equals(given.get(physical))) {
                return;
            }
        }
        pooled.setClientInfo("Auth_AccessToken", current);
        synchronized (given) {
            given.put(physical, current);
        }
    }

    /** How many token requests the source made so far. */
    public long tokenRequests() {
        return tokenRequests.getAsLong();
    }

    /**
     * How many of those requests renewed a token: all but the one that got the first token, unless the first came from
     * the U2M token cache.
     */
    public long tokenRefreshes() {
        long requests = tokenRequests();
        return initial != null ? requests : Math.max(0, requests - 1);
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
