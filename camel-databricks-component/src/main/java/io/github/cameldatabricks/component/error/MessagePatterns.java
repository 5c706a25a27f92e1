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

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last resort: facts databricks-jdbc 3.4.5 puts only into message text. Every pattern is here, in one table, and is
 * used only where no structured field exists (non-retried HTTP statuses, the error class, transport failures the driver
 * flattens into a message, the SQLSTATE of SEA errors).
 */
final class MessagePatterns {

    /** What kind of transport failure a message describes. */
    enum Transport {
        REFUSED, TIMED_OUT, NO_RESPONSE, TLS, NONE
    }

    /** {@code ValidationUtil#checkHTTPError}: "HTTP request failed by code: 401, status line: ...". */
    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP request failed by code: (\\d{3})");
    /** The server's "[ERROR_CLASS] ..." prefix. */
    private static final Pattern ERROR_CLASS = Pattern.compile("\\[([A-Z][A-Z0-9_]*(?:\\.[A-Z0-9_]+)*)]");
    /** The server's "... SQLSTATE: 42P01" suffix. */
    private static final Pattern SQLSTATE = Pattern.compile("SQLSTATE: ([0-9A-Z]{5})");
    /** Apache HttpClient exception names the driver copies into its message instead of chaining the cause. */
    private static final Pattern REFUSED = Pattern.compile("HttpHostConnectException|Connection refused");
    private static final Pattern TIMED_OUT = Pattern.compile("SocketTimeoutException|Read timed out");
    private static final Pattern NO_RESPONSE = Pattern.compile(
            "NoHttpResponseException|failed to respond|Connection reset|Broken pipe");
    private static final Pattern TLS = Pattern.compile("SSLHandshakeException|PKIX path");
    /** The server's explanation: after "[ERROR_CLASS] ", before " SQLSTATE:" or Spark's "== SQL ==" excerpt. */
    private static final Pattern DETAIL = Pattern.compile(
            "\\[[A-Z][A-Z0-9_]*(?:\\.[A-Z0-9_]+)*] (.+?)(?:\\s*SQLSTATE: [0-9A-Z]{5}|\\s*== SQL ==|$)", Pattern.DOTALL);
    /** A single-quoted SQL literal, which may be a parameter value or a literal of the statement. */
    private static final Pattern LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
    private static final int MAX_DETAIL = 300;

    private MessagePatterns() {
    }

    static int httpStatus(List<Throwable> chain) {
        String found = first(chain, HTTP_STATUS);
        return found == null ? 0 : Integer.parseInt(found);
    }

    static String errorClass(List<Throwable> chain) {
        return first(chain, ERROR_CLASS);
    }

    static String sqlState(List<Throwable> chain) {
        return first(chain, SQLSTATE);
    }

    /**
     * What the warehouse said about the failure (e.g. which table or column it cannot find), for the exception message:
     * without the statement excerpt, with single-quoted literals (possibly parameter values) masked, control characters
     * replaced and at most 300 characters; or null.
     */
    static String serverDetail(List<Throwable> chain) {
        String detail = first(chain, DETAIL);
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String clean = LITERAL.matcher(detail.trim()).replaceAll("'...'").replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= MAX_DETAIL ? clean : clean.substring(0, MAX_DETAIL) + "...";
    }

    static Transport transportFailure(List<Throwable> chain) {
        for (Throwable t : chain) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            if (TLS.matcher(m).find()) {
                return Transport.TLS;
            }
            if (REFUSED.matcher(m).find()) {
                return Transport.REFUSED;
            }
            if (TIMED_OUT.matcher(m).find()) {
                return Transport.TIMED_OUT;
            }
            if (NO_RESPONSE.matcher(m).find()) {
                return Transport.NO_RESPONSE;
            }
        }
        return Transport.NONE;
    }

    private static String first(List<Throwable> chain, Pattern pattern) {
        for (Throwable t : chain) {
            if (t.getMessage() != null) {
                Matcher m = pattern.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
