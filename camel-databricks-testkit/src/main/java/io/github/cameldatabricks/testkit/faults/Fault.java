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

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of failure to inject, optionally only for a given Thrift RPC (e.g. {@code ExecuteStatement}) or REST action.
 * Create with the static factories and pass to {@link Faults#inject(Fault, int)}.
 *
 * @param type              what happens
 * @param retryAfterSeconds the {@code Retry-After} value for 503/429, or null for none
 * @param duration          the delay for {@link FaultType#LATENCY} and {@link FaultType#SLOW_STATEMENT}
 * @param rpc               only requests for this RPC (case-sensitive Thrift method name) or REST action (such as
 *                          {@code getWarehouse} or {@code filesPut}), or null for any Thrift RPC
 */
public record Fault(FaultType type, Integer retryAfterSeconds, Duration duration, String rpc) {

    public Fault {
        Objects.requireNonNull(type, "type");
        duration = duration == null ? Duration.ZERO : duration;
    }

    public static Fault serviceUnavailable(int retryAfterSeconds) {
        return new Fault(FaultType.SERVICE_UNAVAILABLE, retryAfterSeconds, null, null);
    }

    public static Fault serviceUnavailableWithoutRetryAfter() {
        return new Fault(FaultType.SERVICE_UNAVAILABLE, null, null, null);
    }

    public static Fault rateLimited(int retryAfterSeconds) {
        return new Fault(FaultType.RATE_LIMITED, retryAfterSeconds, null, null);
    }

    public static Fault unauthorized() {
        return new Fault(FaultType.UNAUTHORIZED, null, null, null);
    }

    public static Fault forbidden() {
        return new Fault(FaultType.FORBIDDEN, null, null, null);
    }

    public static Fault internalError() {
        return new Fault(FaultType.INTERNAL_ERROR, null, null, null);
    }

    public static Fault latency(Duration delay) {
        return new Fault(FaultType.LATENCY, null, delay, null);
    }

    public static Fault dropConnection() {
        return new Fault(FaultType.DROP_CONNECTION, null, null, null);
    }

    public static Fault executeThenDrop() {
        return new Fault(FaultType.EXECUTE_THEN_DROP, null, null, "ExecuteStatement");
    }

    public static Fault slowStatement(Duration runningFor) {
        return new Fault(FaultType.SLOW_STATEMENT, null, runningFor, "ExecuteStatement");
    }

    /** The next statement(s) fail as a Delta write conflict (DELTA_CONCURRENT_APPEND, SQLSTATE 2D521). */
    public static Fault writeConflict() {
        return new Fault(FaultType.WRITE_CONFLICT, null, null, "ExecuteStatement");
    }

    /**
     * The next CloudFetch link(s) issued are already expired (inject with {@code times} = how many links). To make link
     * downloads fail instead, target an error fault at the download action:
     * {@code Fault.internalError().onlyFor("cloudFetchDownload")}.
     */
    public static Fault expiredLink() {
        return new Fault(FaultType.EXPIRED_LINK, null, null, null);
    }

    /** The same fault, restricted to one Thrift RPC or REST action (REST actions take only targeted faults). */
    public Fault onlyFor(String rpcName) {
        return new Fault(type, retryAfterSeconds, duration, rpcName);
    }

    boolean appliesTo(String requestRpc) {
        return rpc == null || rpc.equals(requestRpc);
    }
}
