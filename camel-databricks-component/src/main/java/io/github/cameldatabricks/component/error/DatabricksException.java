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

import org.apache.camel.CamelException;

/**
 * A classified failure of a Databricks call, as the route sees it. The category and the retryable flag tell an
 * {@code onException} block what to do; the original {@link java.sql.SQLException} is the cause. The message names the
 * category, the evidence (SQLSTATE, HTTP status, error class) and the attempts made — never a secret or the statement's
 * text.
 *
 * <p>
 * Subclasses, for class-based {@code onException}: {@link DatabricksRetryableException} (transient: redeliver with
 * back-off), {@link DatabricksAuthenticationException} (fix the credentials or grants),
 * {@link DatabricksAmbiguousOutcomeException} (a write may or may not have happened).
 */
public class DatabricksException extends CamelException {

    private static final long serialVersionUID = 1L;

    // serialisable, so that an exception that crossed a JMS queue or a cluster still answers getCategory()
    private final ErrorClassification classification;
    private final int attempts;
    /** Set only by {@link #ofBatch}, right after construction. */
    private BatchOutcome batchOutcome;

    protected DatabricksException(ErrorClassification classification, int attempts, Throwable cause) {
        super(message(classification, attempts), cause);
        this.classification = classification;
        this.attempts = attempts;
    }

    /** The exception for a classified failure: the subclass matching its category. */
    public static DatabricksException of(ErrorClassification classification, int attempts, Throwable cause) {
        return switch (classification.category()) {
            case AUTHENTICATION, PERMISSION -> new DatabricksAuthenticationException(classification, attempts, cause);
            case AMBIGUOUS -> new DatabricksAmbiguousOutcomeException(classification, attempts, cause);
            default -> classification.retryable()
                    ? new DatabricksRetryableException(classification, attempts, cause)
                    : new DatabricksException(classification, attempts, cause);
        };
    }

    /**
     * The failure of one statement of a batch, restated for the whole batch: the same category and cause, a message
     * that says which elements are committed, and the {@link #getBatchOutcome() outcome} for a replay.
     */
    public static DatabricksException ofBatch(DatabricksException statementFailure, BatchOutcome outcome) {
        DatabricksException e = of(statementFailure.classification.withReason(outcome.describe() + "; "
                + statementFailure.classification.reason()), statementFailure.attempts, statementFailure.getCause());
        e.batchOutcome = outcome;
        return e;
    }

    private static String message(ErrorClassification c, int attempts) {
        StringBuilder sb = new StringBuilder("Databricks ").append(c.category().value()).append(": ")
                .append(c.reason());
        if (c.errorClass() != null) {
            sb.append(" [").append(c.errorClass()).append(']');
        }
        if (c.sqlState() != null) {
            sb.append(" (SQLSTATE ").append(c.sqlState()).append(')');
        }
        if (c.httpStatus() > 0) {
            sb.append(" (HTTP ").append(c.httpStatus()).append(')');
        }
        sb.append(c.retryable() ? "; retryable" : "; not retryable");
        sb.append(", after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        return sb.toString();
    }

    /** The kind of failure. */
    public ErrorCategory getCategory() {
        return classification.category();
    }

    /** Whether trying again later can succeed (and is safe). */
    public boolean isRetryable() {
        return classification.retryable();
    }

    /** The five-character SQLSTATE, or null. */
    public String getSqlState() {
        return classification.sqlState();
    }

    /** The HTTP status found in the failure, or 0. */
    public int getHttpStatus() {
        return classification.httpStatus();
    }

    /** The Databricks error class, e.g. TABLE_OR_VIEW_NOT_FOUND, or null. */
    public String getErrorClass() {
        return classification.errorClass();
    }

    /** How many times the producer tried the statement. */
    public int getAttempts() {
        return attempts;
    }

    /** For a failed batch ({@code batch=true}): which elements are committed and which failed; otherwise null. */
    public BatchOutcome getBatchOutcome() {
        return batchOutcome;
    }

    /** The classifier's full verdict. */
    public ErrorClassification getClassification() {
        return classification;
    }
}
