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

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import com.databricks.internal.sdk.core.DatabricksError;
import com.databricks.jdbc.exception.DatabricksRetryHandlerException;

/**
 * Classifies a failure of a Databricks call from structured facts first — exception types, the SQLSTATE and its class,
 * the driver's vendor codes and enum-name SQLStates, HTTP statuses carried by the driver's and the SDK's exceptions —
 * and from message patterns ({@link MessagePatterns}) only where the driver offers no structured field. The phase
 * decides what a lost connection means.
 */
public final class ErrorClassifier {

    /** databricks-jdbc vendor code: "invalid access token" (HTTP 401 from the workspace). */
    static final int VENDOR_INVALID_ACCESS_TOKEN = 500593;
    /** databricks-jdbc vendor code: the host name does not resolve. */
    static final int VENDOR_UNKNOWN_HOST = 700120;

    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

    private ErrorClassifier() {
    }

    /** Classifies a failure that happened in the given phase. */
    public static ErrorClassification classify(Throwable failure, ExecutionPhase phase) {
        List<Throwable> chain = chain(failure);
        String sqlState = firstSqlState(chain);
        String errorClass = MessagePatterns.errorClass(chain);
        if (sqlState == null) {
            // SEA and some wrappers carry the SQLSTATE only inside the server message
            sqlState = MessagePatterns.sqlState(chain);
        }
        ErrorClassification verdict = decide(chain, phase, sqlState);
        if (sqlState != null) {
            verdict = verdict.withSqlState(sqlState);
        }
        if (errorClass == null) {
            return verdict;
        }
        // users log ${exception.message} in dead-letter routes: it should say what the warehouse said
        String detail = MessagePatterns.serverDetail(chain);
        verdict = detail == null ? verdict : verdict.withReason(verdict.reason() + ": " + detail);
        return verdict.withErrorClass(errorClass);
    }

    private static ErrorClassification decide(List<Throwable> chain, ExecutionPhase phase, String sqlState) {
        for (Throwable t : chain) {
            if (t instanceof FilesApiException files) {
                return byFilesApi(files, chain);
            }
            if (t instanceof ResultTooLargeException tooLarge) {
                return ErrorClassification.of(ErrorCategory.TOO_LARGE, tooLarge.getMessage());
            }
            if (t instanceof OutOfMemoryError) {
                // databricks-jdbc downloads CloudFetch result files on its own threads, several at once, and
                // reports a heap exhausted there as a failed download: the result, not the warehouse, is the issue
                return ErrorClassification.of(ErrorCategory.TOO_LARGE, "the JVM ran out of heap while databricks-jdbc"
                        + " read the result (it downloads up to jdbc.CloudFetchThreadPoolSize result files at once):"
                        + " give the JVM more heap, lower jdbc.CloudFetchThreadPoolSize, or read the result with"
                        + " outputType=StreamList or limit it with maxRows");
            }
            if (t instanceof EndpointStoppedException stopped) {
                return ErrorClassification.of(ErrorCategory.CANCELLED, stopped.getMessage());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLTimeoutException) {
                return ErrorClassification.of(ErrorCategory.TIMEOUT, "the statement timed out");
            }
        }
        // "lost connection while polling" (08S01) comes with whatever HTTP status ended the poll, a 503 for one;
        // the statement was accepted before that, so the outcome is unknown whatever the status says
        if (chain.stream().anyMatch(t -> t instanceof SQLException sql && "08S01".equals(sql.getSQLState()))) {
            return lostConnection(phase, "the connection was lost while the statement ran (08S01)");
        }
        int status = httpStatus(chain);
        if (status > 0) {
            ErrorClassification byStatus = byHttpStatus(status, chain, phase);
            if (byStatus != null) {
                return byStatus.withHttpStatus(status);
            }
        }
        if (hasVendorCode(chain, VENDOR_INVALID_ACCESS_TOKEN)) {
            return ErrorClassification.of(ErrorCategory.AUTHENTICATION, "the workspace rejected the access token")
                    .withHttpStatus(401);
        }
        if (sqlState != null) {
            ErrorClassification bySqlState = bySqlState(sqlState, phase);
            if (bySqlState != null) {
                return bySqlState;
            }
        }
        ErrorClassification byType = byExceptionType(chain, phase);
        if (byType != null) {
            return byType;
        }
        ErrorClassification byDriverState = byDriverEnumState(chain, phase);
        if (byDriverState != null) {
            return byDriverState;
        }
        return ErrorClassification.of(ErrorCategory.UNKNOWN, "no known failure pattern");
    }

    /** The HTTP status from structured fields, else from the driver's stable message format. */
    private static int httpStatus(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof DatabricksRetryHandlerException retry && retry.getErrCode() > 0) {
                return retry.getErrCode();
            }
            if (t instanceof DatabricksError error && error.getStatusCode() > 0) {
                return error.getStatusCode();
            }
            if (t instanceof com.databricks.sdk.core.DatabricksError error && error.getStatusCode() > 0) {
                return error.getStatusCode();
            }
        }
        // the driver has no structured field for non-retried HTTP errors (401, 403, 404, 500)
        return MessagePatterns.httpStatus(chain);
    }

    private static ErrorClassification byHttpStatus(int status, List<Throwable> chain, ExecutionPhase phase) {
        // the component's own OAuth requests fail with the (unshaded) SDK error; the driver's shaded one also wraps
        // the warehouse's own HTTP errors, so it says nothing about whose status this is
        com.databricks.sdk.core.DatabricksError oauth = chain.stream()
                .filter(com.databricks.sdk.core.DatabricksError.class::isInstance)
                .map(com.databricks.sdk.core.DatabricksError.class::cast).findFirst().orElse(null);
        if (oauth != null) {
            // the status is the OAuth endpoint's, not the warehouse's: never a cold start or a missing warehouse
            return byOAuthError(status, oauth);
        }
        return switch (status) {
            case 401 -> ErrorClassification.of(ErrorCategory.AUTHENTICATION, "the workspace rejected the access"
                    + " token: check that the token or secret is valid and has not expired");
            case 403 -> ErrorClassification.of(ErrorCategory.PERMISSION, "the workspace denied access (HTTP 403)");
            case 404 -> ErrorClassification.of(ErrorCategory.NOT_FOUND,
                    "the warehouse or endpoint does not exist (HTTP 404)");
            case 429 -> ErrorClassification.of(ErrorCategory.RATE_LIMIT, "rate limited (HTTP 429)");
            case 502, 503, 504 -> ErrorClassification.of(ErrorCategory.WAREHOUSE_UNAVAILABLE,
                    "the warehouse is unavailable or starting (HTTP " + status + ")");
            case 500 -> ErrorClassification.of(phase == ExecutionPhase.CONNECT ? ErrorCategory.UNKNOWN
                    : ErrorCategory.AMBIGUOUS, "the workspace answered HTTP 500");
            default -> null;
        };
    }

    /** Failures of the Files API calls that stage a bulk load, by their HTTP status. */
    private static ErrorClassification byFilesApi(FilesApiException e, List<Throwable> chain) {
        int status = e.getHttpStatus();
        ErrorClassification verdict = switch (status) {
            case 0 -> chain.stream().anyMatch(ConnectException.class::isInstance)
                    ? ErrorClassification.of(ErrorCategory.NETWORK, "could not connect to the Files API")
                    : ErrorClassification.of(ErrorCategory.AMBIGUOUS, "the Files API request got no answer");
            case 401 -> ErrorClassification.of(ErrorCategory.AUTHENTICATION, "the Files API rejected the access token");
            case 403 -> ErrorClassification.of(ErrorCategory.PERMISSION, "the principal may not use the staging"
                    + " volume: it needs READ VOLUME and WRITE VOLUME on it (HTTP 403)");
            case 404 -> ErrorClassification.of(ErrorCategory.NOT_FOUND, "the staging volume does not exist; create"
                    + " it (CREATE VOLUME) or correct stagingVolume (HTTP 404)");
            case 429 -> ErrorClassification.of(ErrorCategory.RATE_LIMIT, "the Files API is rate limiting (HTTP 429)");
            case 500 -> ErrorClassification.of(ErrorCategory.AMBIGUOUS, "the Files API failed (HTTP 500)");
            case 502, 503, 504 -> ErrorClassification.of(ErrorCategory.NETWORK, "the Files API is unavailable (HTTP "
                    + status + ")");
            default -> ErrorClassification.of(ErrorCategory.UNKNOWN, "the Files API answered HTTP " + status
                    + (e.getErrorCode() == null ? "" : " " + e.getErrorCode()));
        };
        return status > 0 ? verdict.withHttpStatus(status) : verdict;
    }

    /**
     * Failures of the component's OAuth requests (token, discovery, sign-in), by their OAuth error code first; the
     * component writes their messages itself, secret-free and naming the fix.
     */
    private static ErrorClassification byOAuthError(int status, com.databricks.sdk.core.DatabricksError error) {
        String code = error.getErrorCode();
        if ("invalid_grant".equals(code)) {
            return ErrorClassification.of(ErrorCategory.AUTHENTICATION, "the OAuth token endpoint refused the grant"
                    + " (invalid_grant): the authorization code or refresh token expired or was already used;"
                    + " sign in again (the next attempt starts a new sign-in)");
        }
        if ("access_denied".equals(code)) {
            return ErrorClassification.of(ErrorCategory.AUTHENTICATION, "the sign-in was denied in the browser"
                    + " (access_denied)");
        }
        if ("invalid_client".equals(code) || (status == 401 && (code == null || code.startsWith("http_")))) {
            return ErrorClassification.of(ErrorCategory.AUTHENTICATION, "the OAuth token endpoint rejected the"
                    + " client credentials (invalid_client): check that the client id is the service principal's"
                    + " application id (or the OAuth app's id) and that the client secret is current");
        }
        if (status == 429 || "slow_down".equals(code)) {
            return ErrorClassification.of(ErrorCategory.RATE_LIMIT, "the workspace's OAuth endpoint is rate"
                    + " limiting token requests (HTTP " + status + ")");
        }
        if (status >= 500) {
            return ErrorClassification.of(ErrorCategory.NETWORK, "the workspace's OAuth endpoint failed (HTTP "
                    + status + "): " + error.getMessage());
        }
        return ErrorClassification.of(ErrorCategory.AUTHENTICATION, error.getMessage());
    }

    private static ErrorClassification bySqlState(String state, ExecutionPhase phase) {
        String sqlClass = state.substring(0, 2);
        switch (state) {
            case "42501" :
                return ErrorClassification.of(ErrorCategory.PERMISSION, "insufficient privileges (42501)");
            case "42P01", "42704", "42883" :
                return ErrorClassification.of(ErrorCategory.NOT_FOUND, "object not found (" + state + ")");
            case "HY008", "57014" :
                return ErrorClassification.of(ErrorCategory.CANCELLED, "the statement was cancelled");
            case "57KD0" :
                return ErrorClassification.of(ErrorCategory.TIMEOUT, "the statement timed out on the warehouse");
            case "40001", "2D521" :
                // 2D521: Delta's DELTA_CONCURRENT_* write conflicts; the statement committed nothing
                return ErrorClassification.of(ErrorCategory.CONFLICT, "concurrent modification (" + state + ")");
            case "08S01" :
                return lostConnection(phase, "the connection was lost (08S01)");
            default :
                break;
        }
        return switch (sqlClass) {
            case "42", "0A" -> ErrorClassification.of(ErrorCategory.SYNTAX, "invalid statement (" + state + ")");
            case "21", "22", "23" -> ErrorClassification.of(ErrorCategory.DATA, "invalid data (" + state + ")");
            case "28" -> ErrorClassification.of(ErrorCategory.AUTHENTICATION, "authorization failed (" + state + ")");
            // 08000 is the driver's generic transport failure: decided by the cause chain and the phase below
            default -> null;
        };
    }

    private static ErrorClassification byExceptionType(List<Throwable> chain, ExecutionPhase phase) {
        if (hasVendorCode(chain, VENDOR_UNKNOWN_HOST)
                || chain.stream().anyMatch(UnknownHostException.class::isInstance)) {
            return ErrorClassification.of(ErrorCategory.NETWORK, "the host name does not resolve")
                    .withRetryable(false);
        }
        for (Throwable t : chain) {
            if (t instanceof com.databricks.sdk.core.DatabricksError e) {
                // the component's own OAuth errors: secret-free messages that name the cause and the fix
                return ErrorClassification.of(ErrorCategory.AUTHENTICATION, e.getMessage());
            }
            if (t instanceof DatabricksError) {
                return ErrorClassification.of(ErrorCategory.AUTHENTICATION, "OAuth authentication failed");
            }
            if (t instanceof SSLException) {
                return ErrorClassification.of(ErrorCategory.NETWORK, "the TLS handshake failed").withRetryable(false);
            }
            if (t instanceof ConnectException) {
                return ErrorClassification.of(ErrorCategory.NETWORK, "the connection was refused");
            }
        }
        MessagePatterns.Transport transport = MessagePatterns.transportFailure(chain);
        if (transport == MessagePatterns.Transport.REFUSED) {
            return ErrorClassification.of(ErrorCategory.NETWORK, "the connection was refused");
        }
        if (transport == MessagePatterns.Transport.TLS) {
            return ErrorClassification.of(ErrorCategory.NETWORK, "the TLS handshake failed").withRetryable(false);
        }
        if (transport == MessagePatterns.Transport.TIMED_OUT
                || chain.stream().anyMatch(java.net.SocketTimeoutException.class::isInstance)) {
            return lostConnection(phase, "no answer within the socket timeout (jdbc.SocketTimeout, seconds)");
        }
        if (transport == MessagePatterns.Transport.NO_RESPONSE) {
            return lostConnection(phase, "the connection closed without a response");
        }
        return null;
    }

    private static ErrorClassification byDriverEnumState(List<Throwable> chain, ExecutionPhase phase) {
        for (Throwable t : chain) {
            if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
                continue;
            }
            switch (sql.getSQLState().toUpperCase(Locale.ROOT)) {
                case "AUTH_ERROR" :
                    return ErrorClassification.of(ErrorCategory.AUTHENTICATION, "authentication failed");
                case "RATE_LIMIT_EXCEEDED" :
                    return ErrorClassification.of(ErrorCategory.RATE_LIMIT, "rate limited");
                case "STATEMENT_EXECUTION_TIMEOUT", "OPERATION_TIMEOUT_ERROR" :
                    return ErrorClassification.of(ErrorCategory.TIMEOUT, "the statement timed out");
                case "CONNECTION_ERROR" :
                    return ErrorClassification.of(ErrorCategory.NETWORK, "could not connect to the warehouse");
                case "08000", "INVALID_STATE" :
                    if (phase != ExecutionPhase.CONNECT) {
                        return lostConnection(phase, "the request to the warehouse failed");
                    }
                    break;
                default :
                    break;
            }
        }
        return null;
    }

    private static ErrorClassification lostConnection(ExecutionPhase phase, String reason) {
        return phase == ExecutionPhase.CONNECT ? ErrorClassification.of(ErrorCategory.NETWORK, reason)
                : ErrorClassification.of(ErrorCategory.AMBIGUOUS, reason + " after the statement was sent");
    }

    private static boolean hasVendorCode(List<Throwable> chain, int code) {
        return chain.stream().anyMatch(t -> t instanceof SQLException sql && sql.getErrorCode() == code);
    }

    private static String firstSqlState(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && SQLSTATE.matcher(sql.getSQLState()).matches() && !sql.getSQLState().equals("08000")) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            out.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null && seen.add(sql.getNextException())) {
                out.add(sql.getNextException());
            }
        }
        return out;
    }
}
