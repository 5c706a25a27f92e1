package io.github.cameldatabricks.component.error;

import java.time.Duration;

/** The workspace rejected the credentials (HTTP 401, invalid_client, invalid_grant) or the identity lacks a privilege (HTTP 403, SQLSTATE 42501): retrying will not help until the credentials or grants change. */
public class DatabricksAuthenticationException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksAuthenticationException(ErrorClassification classification, int attempts, Duration retryAfter,
            String statementId, Throwable cause) {
        super(classification, attempts, retryAfter, statementId, cause);
    }
}
