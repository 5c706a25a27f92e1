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
package io.github.cameldatabricks.testkit.faults;

/** The failures LocalWarehouse can inject into requests. */
public enum FaultType {
    /** HTTP 503, with or without a {@code Retry-After} header: a warehouse starting or overloaded. */
    SERVICE_UNAVAILABLE,
    /** HTTP 429 with {@code Retry-After}: rate limited. */
    RATE_LIMITED,
    /** HTTP 401: the credentials were rejected. */
    UNAUTHORIZED,
    /** HTTP 403: the principal may not use the warehouse (no CAN_USE permission). */
    FORBIDDEN,
    /** HTTP 500: an internal server error. */
    INTERNAL_ERROR,
    /** The request is served normally after an added delay. */
    LATENCY,
    /** The connection is closed without any response; the request was not processed. */
    DROP_CONNECTION,
    /**
     * The request is processed (a statement runs to completion) and then the connection is closed without a response:
     * the client cannot know whether it ran.
     */
    EXECUTE_THEN_DROP,
    /** The next statement stays RUNNING for a while before it executes (for polling, cancel and timeouts). */
    SLOW_STATEMENT,
    /**
     * The next CloudFetch link issued has already expired (its {@code expiryTime} is the warehouse's current time, and
     * downloading it answers 403 as cloud storage does for an expired presigned URL): the driver has to fetch a fresh
     * link with {@code FetchResults} at the file's {@code startRowOffset}. Applied when a link is issued, not to an
     * HTTP request.
     */
    EXPIRED_LINK,
    /**
     * The next statement fails as a Delta write conflict, as on a real warehouse when a concurrent writer committed
     * first: the operation ends in ERROR_STATE with {@code [DELTA_CONCURRENT_APPEND.ROW_LEVEL_CHANGES]} and SQLSTATE
     * {@code 2D521}, and nothing of the statement is committed. Applied when the statement runs, not to an HTTP
     * request.
     */
    WRITE_CONFLICT;

    /** Whether this fault is applied by the warehouse at a later step rather than to the HTTP request it matched. */
    boolean isDeferred() {
        return this == SLOW_STATEMENT || this == EXPIRED_LINK || this == WRITE_CONFLICT;
    }
}
