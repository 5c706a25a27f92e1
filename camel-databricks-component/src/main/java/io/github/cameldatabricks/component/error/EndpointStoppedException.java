package io.github.cameldatabricks.component.error;

import java.sql.SQLException;

/**
 * The endpoint stopped while an exchange waited for a connection to the warehouse, or while a connection was being
 * opened: nothing was sent to the warehouse on the exchange's behalf. Classified as cancelled (SQLSTATE 57014,
 * "operation cancelled"), not retryable.
 */
public class EndpointStoppedException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** @param cause what the closing pool reported, or null */
    public EndpointStoppedException(String message, Throwable cause) {
        super(message, "57014", cause);
    }
}
