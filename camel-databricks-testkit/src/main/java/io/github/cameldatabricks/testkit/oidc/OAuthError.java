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

/** An OAuth error response, {@code {"error": ..., "error_description": ...}}, with its HTTP status. */
final class OAuthError extends Exception {

    private final int status;
    private final String error;

    OAuthError(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Client authentication failed");
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
