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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Responses of the Files API: errors as {@code {"error_code","message"[,"details"]}} (HEAD answers carry no body), and
 * the HTTP date format of {@code last-modified}.
 */
final class FilesApiResponses {

    /** IMF-fixdate (RFC 7231; the RFC 1123 form with a two-digit day), always GMT. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private FilesApiResponses() {
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /**
     * An error response. {@code reason}, if given, travels as a {@code google.rpc.ErrorInfo} detail, as the Files API
     * does for reasons such as {@code FILES_API_DIRECTORY_IS_NOT_EMPTY} (the Databricks CLI keys on it).
     */
    static void error(HttpExchange ex, int status, String errorCode, String message, String reason)
            throws IOException {
        if ("HEAD".equals(ex.getRequestMethod())) {
            noBody(ex, status);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        if (reason != null) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
            info.put("reason", reason);
            info.put("domain", "filesystem.databricks.com");
            body.put("details", List.of(info));
        }
        HttpResponses.json(ex, status, body);
    }

    /** A response without a body (204, or any HEAD answer). */
    static void noBody(HttpExchange ex, int status) throws IOException {
        ex.getResponseHeaders().set("x-request-id", String.valueOf(ex.getAttribute(Router.REQUEST_ID)));
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }
}
