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
package io.github.cameldatabricks.component.error;

import java.util.Locale;

/**
 * What kind of failure a Databricks call ended in, and whether trying again later can help. The lower-case name
 * ({@link #value()}) is what the {@code CamelDatabricksErrorCategory} header carries.
 */
public enum ErrorCategory {
    /** The credentials were rejected or could not be obtained (HTTP 401, {@code invalid_client}, ...). */
    AUTHENTICATION(false),
    /** Authenticated but not allowed (HTTP 403, SQLSTATE 42501). */
    PERMISSION(false),
    /** The statement is invalid: parse or analysis error (SQLSTATE class 42, 0A000). */
    SYNTAX(false),
    /** A table, schema, catalog, function or the warehouse itself does not exist (42P01, 42704, HTTP 404). */
    NOT_FOUND(false),
    /** Too many requests (HTTP 429): wait and retry. */
    RATE_LIMIT(true),
    /** The warehouse is stopped, starting or overloaded (HTTP 503): wait and retry. */
    WAREHOUSE_UNAVAILABLE(true),
    /** The connection could not be made or was lost before the statement was sent. */
    NETWORK(true),
    /** The statement exceeded its timeout. */
    TIMEOUT(false),
    /** The statement was cancelled. */
    CANCELLED(false),
    /** The connection was lost after the statement was sent: it may or may not have run. */
    AMBIGUOUS(false),
    /** A value was invalid for its type or violated a constraint (SQLSTATE classes 22, 23). */
    DATA(false),
    /**
     * A concurrent modification conflicted with this one (SQLSTATE 40001, or 2D521 for Delta's DELTA_CONCURRENT_*
     * conflicts): nothing was committed, and retrying may succeed.
     */
    CONFLICT(true),
    /** A result read whole was larger than maxResultBytes: stream it (outputType=StreamList) or limit it. */
    TOO_LARGE(false),
    /** Anything else. */
    UNKNOWN(false);

    private final boolean retryable;

    ErrorCategory(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether failures of this category are transient by nature. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The header value, e.g. {@code warehouse_unavailable}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
