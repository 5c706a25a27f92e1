package io.github.cameldatabricks.component.error;

/** A transient failure (rate limit, warehouse unavailable, network, conflict) that the producer could not overcome within its retries: redelivering the exchange later is safe. */
public class DatabricksRetryableException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksRetryableException(ErrorClassification classification, int attempts, Throwable cause) {
        super(classification, attempts, cause);
    }
}
