package io.github.cameldatabricks.testkit.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Personal access tokens the workspace accepts, each mapped to a principal and optionally expiring. */
public final class TokenRegistry {

    private record Entry(String principal, Instant expiresAt) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Registers a token for a principal that never expires. */
    public void add(String token, String principal) {
        add(token, principal, null);
    }

    /** Registers a token for a principal that expires at the given instant (null: never). */
    public void add(String token, String principal, Instant expiresAt) {
        tokens.put(token, new Entry(principal, expiresAt));
    }

    /** Makes a token unknown, as revoking it in the workspace does. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Checks a presented token. */
    public AuthResult check(String token) {
        Entry entry = tokens.get(token);
        if (entry == null) {
            return AuthResult.rejected("Invalid access token.");
        }
        if (entry.expiresAt() != null && !clock.instant().isBefore(entry.expiresAt())) {
            return AuthResult.rejected("Invalid access token. The token has expired.");
        }
        return AuthResult.accepted(entry.principal(), "pat");
    }
}
