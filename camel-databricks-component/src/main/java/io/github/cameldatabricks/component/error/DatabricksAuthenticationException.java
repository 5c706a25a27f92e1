package io.github.cameldatabricks.component.error;

/** The workspace rejected the credentials (HTTP 401, invalid_client, invalid_grant) or the identity lacks a privilege (HTTP 403, SQLSTATE 42501): retrying will not help until the credentials or grants change. */
public class DatabricksAuthenticationException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksAuthenticationException(ErrorClassification classification, int attempts, Throwable cause) {
        super(classification, attempts, cause);
    }
}
