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
package io.github.cameldatabricks.testkit.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.databricks.internal.apache.thrift.TException;
import com.databricks.internal.apache.thrift.TProcessor;
import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.transport.TIOStreamTransport;
import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.auth.AuthResult;
import io.github.cameldatabricks.testkit.auth.Authenticator;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseLifecycle;
import io.github.cameldatabricks.testkit.thrift.CallContext;
import io.github.cameldatabricks.testkit.thrift.Operation;

/**
 * The SQL endpoint: Thrift TCLIService binary over HTTP POST at {@code /sql/1.0/warehouses/{id}}. Applies, in the order
 * a workspace does, authentication, the warehouse state, injected faults, then the RPC itself.
 */
final class ThriftRoute implements Route {

    private static final Pattern PATH = Pattern.compile("/sql/1\\.0/(?:warehouses|endpoints)/([^/]+)/?");
    private static final long AMBIGUOUS_WAIT_MILLIS = 120_000;

    private final String warehouseId;
    private final TProcessor processor;
    private final Authenticator authenticator;
    private final Faults faults;
    private final WarehouseLifecycle lifecycle;
    private final Auditor auditor;

    ThriftRoute(String warehouseId, TProcessor processor, Authenticator authenticator, Faults faults,
            WarehouseLifecycle lifecycle, Auditor auditor) {
        this.warehouseId = warehouseId;
        this.processor = processor;
        this.authenticator = authenticator;
        this.faults = faults;
        this.lifecycle = lifecycle;
        this.auditor = auditor;
    }

    @Override
    public boolean matches(String path) {
        return path.startsWith("/sql/1.0/");
    }

    @Override
    public boolean takesRequestLatency() {
        return true;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Matcher m = PATH.matcher(ex.getRequestURI().getPath());
        if (!m.matches() || !m.group(1).equals(warehouseId)) {
            HttpResponses.error(ex, 404, "RESOURCE_DOES_NOT_EXIST", "SQL warehouse "
                    + (m.matches() ? m.group(1) : ex.getRequestURI().getPath()) + " does not exist.");
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpResponses.error(ex, 405, "METHOD_NOT_ALLOWED", "Use POST for Thrift requests.");
            return;
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        String rpc = rpcName(body);
        Auditor.Entry audit = auditor.begin(ex, "databrickssql", actionName(rpc)).param("rpc", rpc);
        try {
            serve(ex, body, rpc, audit);
        } finally {
            CallContext.clear();
            audit.record();
        }
    }

    private void serve(HttpExchange ex, byte[] body, String rpc, Auditor.Entry audit) throws IOException {
        AuthResult auth = authenticator.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
        if (!auth.accepted()) {
            audit.outcome(401, auth.reason());
            HttpResponses.error(ex, 401, "401", auth.reason());
            return;
        }
        audit.identity(auth.principal(), auth.method());
        if (!lifecycle.isRunning()) {
            lifecycle.onSqlRequestWhileNotRunning();
            int retryAfter = lifecycle.retryAfterSeconds();
            String message = "The SQL warehouse is " + lifecycle.state() + "; retry after " + retryAfter + " s.";
            audit.outcome(503, message);
            ex.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
            HttpResponses.error(ex, 503, "TEMPORARILY_UNAVAILABLE", message);
            return;
        }
        lifecycle.touch();
        Fault fault = faults.nextForRequest(rpc);
        boolean dropAfterExecution = false;
        if (fault != null) {
            audit.param("injectedFault", fault.type().name());
            switch (fault.type()) {
                case SERVICE_UNAVAILABLE, RATE_LIMITED -> {
                    int status = fault.type() == io.github.cameldatabricks.testkit.faults.FaultType.RATE_LIMITED ? 429
                            : 503;
                    if (fault.retryAfterSeconds() != null) {
                        ex.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                    }
                    String message = status == 429 ? "Too many requests: rate limit exceeded."
                            : "The service is temporarily unavailable.";
                    audit.outcome(status, message);
                    HttpResponses.error(ex, status,
                            status == 429 ? "REQUEST_LIMIT_EXCEEDED" : "TEMPORARILY_UNAVAILABLE",
                            message);
                    return;
                }
                case UNAUTHORIZED -> {
                    audit.outcome(401, "Invalid access token.");
                    HttpResponses.error(ex, 401, "401", "Invalid access token.");
                    return;
                }
                case FORBIDDEN -> {
                    String message = "PERMISSION_DENIED: the principal may not use this SQL warehouse.";
                    audit.outcome(403, message);
                    HttpResponses.error(ex, 403, "PERMISSION_DENIED", message);
                    return;
                }
                case INTERNAL_ERROR -> {
                    audit.outcome(500, "Internal error.");
                    HttpResponses.error(ex, 500, "INTERNAL_ERROR", "Internal error.");
                    return;
                }
                case LATENCY -> sleep(fault.duration().toMillis());
                case DROP_CONNECTION -> {
                    audit.outcome(0, "connection dropped before processing");
                    HttpResponses.drop(ex);
                    return;
                }
                case EXECUTE_THEN_DROP -> dropAfterExecution = true;
                default -> {
                    // SLOW_STATEMENT is applied by the statement executor
                }
            }
        }
        CallContext ctx = new CallContext(auth.principal());
        CallContext.set(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            processor.process(new TBinaryProtocol(new TIOStreamTransport(new ByteArrayInputStream(body))),
                    new TBinaryProtocol(new TIOStreamTransport(out)));
        } catch (TException e) {
            audit.outcome(400, "malformed Thrift request");
            HttpResponses.error(ex, 400, "BAD_REQUEST", "Malformed Thrift request.");
            return;
        }
        audit.params(ctx.auditParams()).session(ctx.sessionId());
        if (dropAfterExecution) {
            Operation op = ctx.executedOperation();
            if (op != null) {
                try {
                    op.await(AMBIGUOUS_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            audit.outcome(0, "connection dropped after execution");
            HttpResponses.drop(ex);
            return;
        }
        audit.outcome(200, ctx.errorMessage());
        HttpResponses.send(ex, 200, "application/x-thrift", out.toByteArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String rpcName(byte[] body) {
        try {
            return new TBinaryProtocol(new TIOStreamTransport(new ByteArrayInputStream(body))).readMessageBegin().name;
        } catch (TException | RuntimeException e) {
            return "unknown";
        }
    }

    static String actionName(String rpc) {
        return switch (rpc) {
            case "ExecuteStatement" -> "commandSubmit";
            case "CancelOperation" -> "cancelCommand";
            default -> rpc.isEmpty() ? rpc : Character.toLowerCase(rpc.charAt(0)) + rpc.substring(1);
        };
    }
}
