package io.github.cameldatabricks.component.error;

import java.time.Duration;

import org.apache.camel.CamelException;

/**
 * A classified failure of a Databricks call, as the route sees it. The category and the retryable flag tell an
 * {@code onException} block what to do; the original {@link java.sql.SQLException} is the cause. The message names
 * the category, the evidence (SQLSTATE, HTTP status, error class) and the attempts made — never a secret or the
 * statement's text.
 *
 * <p>Subclasses, for class-based {@code onException}: {@link DatabricksRetryableException} (transient: redeliver
 * with back-off), {@link DatabricksAuthenticationException} (fix the credentials or grants),
 * {@link DatabricksAmbiguousOutcomeException} (a write may or may not have happened).
 */
public class DatabricksException extends CamelException {

    private static final long serialVersionUID = 1L;

    // serialisable, so that an exception that crossed a JMS queue or a cluster still answers getCategory()
    private final ErrorClassification classification;
    private final int attempts;
    private final Duration retryAfter;
    private final String statementId;
    /** Set only by {@link #ofBatch}, right after construction. */
    private BatchOutcome batchOutcome;

    protected DatabricksException(ErrorClassification classification, int attempts, Duration retryAfter,
            String statementId, Throwable cause) {
        super(message(classification, attempts), cause);
        this.classification = classification;
        this.attempts = attempts;
        this.retryAfter = retryAfter;
        this.statementId = statementId;
    }

    /** The exception for a classified failure: the subclass matching its category. */
    public static DatabricksException of(ErrorClassification classification, int attempts, Duration retryAfter,
            String statementId, Throwable cause) {
        return switch (classification.category()) {
            case AUTHENTICATION, PERMISSION -> new DatabricksAuthenticationException(classification, attempts,
                    retryAfter, statementId, cause);
            case AMBIGUOUS -> new DatabricksAmbiguousOutcomeException(classification, attempts, retryAfter,
                    statementId, cause);
            default -> classification.retryable()
                    ? new DatabricksRetryableException(classification, attempts, retryAfter, statementId, cause)
                    : new DatabricksException(classification, attempts, retryAfter, statementId, cause);
        };
    }

    /**
     * The failure of one statement of a batch, restated for the whole batch: the same category and cause, a message
     * that says which elements are committed, and the {@link #getBatchOutcome() outcome} for a replay.
     */
    public static DatabricksException ofBatch(DatabricksException statementFailure, BatchOutcome outcome) {
        DatabricksException e = of(statementFailure.classification.withReason(outcome.describe() + "; "
                + statementFailure.classification.reason()), statementFailure.attempts, statementFailure.retryAfter,
                statementFailure.statementId, statementFailure.getCause());
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

    /**
     * How long the warehouse asked clients to wait, when the component could see it; or null. Always null with
     * databricks-jdbc 3.4.5, whose exceptions carry the HTTP status but not the header: the driver waits out
     * Retry-After itself (see docs/errors-and-retries.md).
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** How many times the producer tried the statement. */
    public int getAttempts() {
        return attempts;
    }

    /**
     * The warehouse's statement id, when the driver reports it for the failure; or null. databricks-jdbc 3.4.5 does
     * not expose it on a failed statement through its public API, so it is null for now.
     */
    public String getStatementId() {
        return statementId;
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
