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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.faults.Fault;

/** Writing responses, and dropping connections without one. */
final class HttpResponses {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponses() {
    }

    static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void error(HttpExchange ex, int status, String errorCode, String message) throws IOException {
        // the driver surfaces this header in its exception message
        ex.getResponseHeaders().set("X-Thriftserver-Error-Message", message);
        json(ex, status, Map.of("error_code", errorCode, "message", message));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-request-id", String.valueOf(ex.getAttribute(Router.REQUEST_ID)));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    /**
     * Closes the connection without sending anything. The JDK server closes the socket when an exchange is closed
     * before its response headers were sent.
     */
    static void drop(HttpExchange ex) {
        ex.close();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The status a REST or OIDC request answers with for an injected fault (429, 401, 500, else 503), its Retry-After
     * header set when the fault has one.
     */
    static int faultStatus(HttpExchange ex, Fault fault) {
        if (fault.retryAfterSeconds() != null) {
            ex.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return switch (fault.type()) {
            case RATE_LIMITED -> 429;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case INTERNAL_ERROR -> 500;
            default -> 503;
        };
    }
}
