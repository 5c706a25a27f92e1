package io.github.cameldatabricks.component.error;

import java.time.Duration;

/** A transient failure (rate limit, warehouse unavailable, network, conflict) that the producer could not overcome within its retries: redelivering the exchange later is safe. */
public class DatabricksRetryableException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksRetryableException(ErrorClassification classification, int attempts, Duration retryAfter,
            String statementId, Throwable cause) {
        super(classification, attempts, retryAfter, statementId, cause);
    }
}
