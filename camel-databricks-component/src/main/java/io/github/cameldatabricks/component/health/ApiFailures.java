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
package io.github.cameldatabricks.component.health;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.databricks.sdk.core.DatabricksError;

import io.github.cameldatabricks.component.error.ErrorCategory;

/**
 * Classifies a failed SQL Warehouses API call. The component's error classifier reads every databricks-sdk-java error
 * as one of its own OAuth requests (the only SDK calls on the statement path), so a 404 for a missing warehouse would
 * read as a rejected credential there. The reasons are fixed texts with the status: nothing the server or the exception
 * says is repeated.
 */
final class ApiFailures {

    /** The category and a secret-free reason. */
    record Verdict(ErrorCategory category, String reason) {
    }

    private ApiFailures() {
    }

    static Verdict classify(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        // the SDK reports a connection it could not make as an error with a made-up status (523): the cause says more
        for (Throwable t : chain) {
            if (t instanceof IOException io) {
                return new Verdict(ErrorCategory.NETWORK, "could not reach the workspace ("
                        + io.getClass().getSimpleName() + ")");
            }
        }
        int status = chain.stream().filter(DatabricksError.class::isInstance).map(DatabricksError.class::cast)
                .mapToInt(DatabricksError::getStatusCode).filter(s -> s > 0).findFirst().orElse(0);
        return switch (status) {
            case 0 -> new Verdict(ErrorCategory.UNKNOWN, "the call failed ("
                    + failure.getClass().getSimpleName() + ")");
            case 401 -> new Verdict(ErrorCategory.AUTHENTICATION, "the workspace rejected the access token (HTTP 401)");
            case 403 -> new Verdict(ErrorCategory.PERMISSION, "the principal may not see the warehouse (HTTP 403)");
            case 404 -> new Verdict(ErrorCategory.NOT_FOUND, "the warehouse does not exist (HTTP 404)");
            case 429 -> new Verdict(ErrorCategory.RATE_LIMIT, "the workspace is rate limiting (HTTP 429)");
            default -> new Verdict(status >= 500 ? ErrorCategory.NETWORK : ErrorCategory.UNKNOWN,
                    "the workspace answered HTTP " + status);
        };
    }
}
