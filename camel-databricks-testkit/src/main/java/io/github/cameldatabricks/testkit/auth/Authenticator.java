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

import java.util.List;
import java.util.function.Function;

/**
 * Checks the {@code Authorization} header of a workspace request against every credential source the workspace knows
 * (personal access tokens; OAuth access tokens once an issuer is registered), in order.
 */
public final class Authenticator {

    private final List<Function<String, AuthResult>> sources;

    public Authenticator(List<Function<String, AuthResult>> sources) {
        this.sources = List.copyOf(sources);
    }

    public AuthResult authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return AuthResult.rejected("No access token was provided.");
        }
        String header = authorizationHeader.trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AuthResult.rejected("Unsupported authorization scheme: expected a Bearer token.");
        }
        String token = header.substring(7).trim();
        AuthResult last = AuthResult.rejected("Invalid access token.");
        for (Function<String, AuthResult> source : sources) {
            AuthResult result = source.apply(token);
            if (result.accepted()) {
                return result;
            }
            if (result.reason() != null && !result.reason().equals("Invalid access token.")) {
                last = result;
            }
        }
        return last;
    }
}
