package io.github.cameldatabricks.component.error;

import io.github.cameldatabricks.component.error.ExecutionPhase;

/**
 * Thrown by one attempt at a statement or REST call to the retry loop: what failed, and where it failed: that decides whether the statement (or request) may have run. The cause is
 * the driver's {@link java.sql.SQLException}, or the component's own failure of a REST call such as a Files API
 * upload.
 */
public final class AttemptFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExecutionPhase phase;

    public AttemptFailedException(ExecutionPhase phase, Exception cause) {
        // no message of its own: the driver's may quote the statement
        super("attempt failed while " + phase.name().toLowerCase(java.util.Locale.ROOT), cause, false, false);
        this.phase = phase;
    }

    /** Where the attempt failed. */
    public ExecutionPhase phase() {
        return phase;
    }

    /** What failed: the driver's exception or the component's. */
    public Exception failure() {
        return (Exception) getCause();
    }
}
