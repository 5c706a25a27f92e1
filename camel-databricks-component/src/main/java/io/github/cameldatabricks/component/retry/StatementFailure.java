package io.github.cameldatabricks.component.retry;

import java.sql.SQLException;

import io.github.cameldatabricks.component.error.ExecutionPhase;

/** A failed attempt, with where it failed: that decides whether the statement may have run. */
public final class StatementFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExecutionPhase phase;

    public StatementFailure(ExecutionPhase phase, SQLException cause) {
        // no message of its own: the driver's may quote the statement
        super("attempt failed while " + phase.name().toLowerCase(java.util.Locale.ROOT), cause, false, false);
        this.phase = phase;
    }

    /** Where the attempt failed. */
    public ExecutionPhase phase() {
        return phase;
    }

    /** The driver's exception. */
    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
