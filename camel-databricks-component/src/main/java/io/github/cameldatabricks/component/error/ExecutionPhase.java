package io.github.cameldatabricks.component.error;

/**
 * Where a failure happened. It decides what a lost connection means: before the statement was sent nothing ran;
 * after, the statement may have run.
 */
public enum ExecutionPhase {
    /** Obtaining a connection or a session: no statement was sent. */
    CONNECT,
    /** Sending the statement or waiting for it. */
    EXECUTE,
    /** Reading the results of a statement that was accepted. */
    FETCH
}
