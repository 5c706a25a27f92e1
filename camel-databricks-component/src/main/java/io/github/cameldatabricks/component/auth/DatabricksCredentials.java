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

import java.util.Map;

/**
 * The seam between an auth mode and the driver: the JDBC properties that authenticate a new connection. The properties
 * are asked for each time the pool opens a physical connection, so a mode that refreshes tokens hands every new
 * connection a current one.
 */
public interface DatabricksCredentials {

    /** The auth mode. */
    DatabricksAuthMode mode();

    /** Driver properties for a new connection (may contain secrets: never log them). */
    Map<String, String> jdbcProperties();

    /**
     * A stable, non-secret fingerprint of the identity, so that endpoints with the same warehouse and identity share a
     * pool and different identities never do.
     */
    String identity();

    /** The current access token, for REST calls such as the SQL Warehouses API (a secret: never log it). */
    String accessToken();

    /**
     * Obtains what a connection will need, in the caller's thread, before a pooled connection is asked for: an OAuth
     * token fetch (or the U2M sign-in) then fails or blocks the exchange, not the pool's background thread.
     */
    default void ensureReady() {
    }

    /** Prepares a pooled connection before each use, e.g. hands it the current access token. */
    default void beforeUse(java.sql.Connection connection) throws java.sql.SQLException {
    }

    /**
     * Who connects, where that is not a secret: the OAuth client (service principal application id or U2M app) id; null
     * for token modes, whose only identity is the token itself.
     */
    default String principal() {
        return null;
    }

    /** A secret-free description for logs and {@code toString}. */
    String describe();
}
