package io.github.cameldatabricks.component.batch;

/**
 * An element of a batch body that cannot be written (not a Map, a parameter without a value). The elements before
 * it that were already sent stay committed: {@link #getCommitted()} says how many.
 */
public final class InvalidBatchElementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long committed;

    InvalidBatchElementException(String message, long committed, Throwable cause) {
        super(message, cause);
        this.committed = committed;
    }

    /** How many leading elements of the body are committed. */
    public long getCommitted() {
        return committed;
    }
}
