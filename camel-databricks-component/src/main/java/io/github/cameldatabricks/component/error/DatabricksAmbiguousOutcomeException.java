package io.github.cameldatabricks.component.error;

/** The connection was lost after the statement was sent: it may or may not have run. The producer never retries a write in this state; the route decides (for example with an idempotent MERGE). */
public class DatabricksAmbiguousOutcomeException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksAmbiguousOutcomeException(ErrorClassification classification, int attempts, Throwable cause) {
        super(classification, attempts, cause);
    }
}
