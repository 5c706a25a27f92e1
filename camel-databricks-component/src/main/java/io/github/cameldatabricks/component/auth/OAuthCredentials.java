package io.github.cameldatabricks.component.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

import com.databricks.sdk.core.oauth.CachedTokenSource;
import com.databricks.sdk.core.oauth.TokenSource;

/**
 * Credentials from a refreshing OAuth token source (M2M or U2M), shared by every connection of a pool. The SDK's
 * {@link CachedTokenSource} refreshes in the background once a token is half-way to expiry, so exchanges do not
 * wait on token requests; pooled connections outliving a token get the current one through
 * {@code setClientInfo("Auth_AccessToken", ...)} before each use (immediate with {@code EnableTokenFederation=0}).
 */
public final class OAuthCredentials implements DatabricksCredentials {

    private final DatabricksAuthMode mode;
    private final String identity;
    private final String description;
    private final CachedTokenSource tokens;
    private final LongSupplier tokenRequests;
    /** Which token each physical connection was last given; weak, so closed connections drop out. */
    private final Map<Connection, String> given = new WeakHashMap<>();

    /**
     * @param clientSecret only fingerprinted into the identity, so that endpoints with different secrets for one
     *                     client never share a pool or a token; may be null (a public U2M client)
     */
    public OAuthCredentials(DatabricksAuthMode mode, String host, String clientId, String clientSecret,
            TokenSource source, com.databricks.sdk.core.oauth.Token initial, LongSupplier tokenRequests,
            Clock clock) {
        this.mode = mode;
        this.identity = mode.option() + ":" + host + ":" + clientId
                + (clientSecret == null ? "" : ":" + StaticTokenCredentials.fingerprint(clientSecret));
        this.description = mode.option() + " (client " + clientId + ")";
        CachedTokenSource.Builder builder = new CachedTokenSource.Builder(source).setClockSupplier(() -> clock)
                // the safety margin is already in each token's expiry, in proportion to its lifetime
                // (OAuthTokenEndpoint); the SDK refreshes in the background from half-way to that expiry
                .setExpiryBuffer(Duration.ZERO);
        if (initial != null) {
            builder.setToken(initial);
        }
        this.tokens = builder.build();
        this.tokenRequests = tokenRequests;
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
     * The current token. Never signs in interactively: it is also called from HikariCP's connection-adding thread
     * and the warehouse state client; the exchange's own {@link #ensureReady()} signs in first when needed.
     */
    @Override
    public String accessToken() {
        return tokens.getToken().getAccessToken();
    }

    /** Called on the exchange's thread before it borrows a connection: the one place a sign-in may start. */
    @Override
    public void ensureReady() {
        CallerThread.run(this::accessToken);
    }

    @Override
    public void beforeUse(Connection pooled) throws SQLException {
        Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        String current = CallerThread.run(this::accessToken);
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
