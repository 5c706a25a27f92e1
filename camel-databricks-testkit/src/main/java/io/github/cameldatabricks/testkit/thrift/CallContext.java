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
package io.github.cameldatabricks.testkit.thrift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the HTTP layer knows about the request a Thrift call belongs to (who is calling), and what the call adds for the
 * audit record (session, statement text). Thrift's processor API passes no context, hence the thread-local.
 */
public final class CallContext {

    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    private final String principal;
    private final Map<String, String> auditParams = new LinkedHashMap<>();
    private String sessionId;
    private String errorMessage;
    private Operation executedOperation;

    public CallContext(String principal) {
        this.principal = principal;
    }

    public static void set(CallContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }

    static CallContext current() {
        CallContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no call context");
        }
        return c;
    }

    public String principal() {
        return principal;
    }

    public Map<String, String> auditParams() {
        return auditParams;
    }

    public String sessionId() {
        return sessionId;
    }

    void sessionId(String id) {
        this.sessionId = id;
    }

    public String errorMessage() {
        return errorMessage;
    }

    void errorMessage(String message) {
        this.errorMessage = message;
    }

    /** The operation an ExecuteStatement call created, so the HTTP layer can wait for it (ambiguous-outcome fault). */
    public Operation executedOperation() {
        return executedOperation;
    }

    void executedOperation(Operation operation) {
        this.executedOperation = operation;
    }
}
