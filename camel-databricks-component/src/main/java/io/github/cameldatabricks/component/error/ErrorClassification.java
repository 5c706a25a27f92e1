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

/**
 * The classifier's verdict on one failure.
 *
 * @param category   the kind of failure
 * @param retryable  whether retrying later can help (the category's default, adjusted by the evidence)
 * @param sqlState   the five-character SQLSTATE, if the warehouse reported one
 * @param httpStatus the HTTP status found in the cause chain, or 0
 * @param errorClass the Databricks error class such as {@code TABLE_OR_VIEW_NOT_FOUND}, if known
 * @param reason     a short, secret-free explanation of the evidence used
 */
public record ErrorClassification(ErrorCategory category, boolean retryable, String sqlState, int httpStatus,
        String errorClass, String reason) implements java.io.Serializable {

    static ErrorClassification of(ErrorCategory category, String reason) {
        return new ErrorClassification(category, category.isRetryable(), null, 0, null, reason);
    }

    ErrorClassification withSqlState(String state) {
        return new ErrorClassification(category, retryable, state, httpStatus, errorClass, reason);
    }

    ErrorClassification withHttpStatus(int status) {
        return new ErrorClassification(category, retryable, sqlState, status, errorClass, reason);
    }

    ErrorClassification withErrorClass(String value) {
        return new ErrorClassification(category, retryable, sqlState, httpStatus, value, reason);
    }

    /** The same verdict with another explanation. */
    public ErrorClassification withReason(String value) {
        return new ErrorClassification(category, retryable, sqlState, httpStatus, errorClass, value);
    }

    /** The same verdict with another retryable flag. */
    public ErrorClassification withRetryable(boolean value) {
        return new ErrorClassification(category, value, sqlState, httpStatus, errorClass, reason);
    }
}
