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
