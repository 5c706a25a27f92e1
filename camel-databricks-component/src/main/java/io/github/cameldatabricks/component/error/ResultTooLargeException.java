package io.github.cameldatabricks.component.error;

/**
 * A result that did not fit in the JVM's memory while it was being read whole (outputType=SelectList or
 * SelectOne). Thrown in place of the OutOfMemoryError, once the rows read so far are released.
 */
public final class ResultTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long rowsRead;

    public ResultTooLargeException(long rowsRead) {
        super("the result did not fit in memory after " + rowsRead + " rows: stream it with outputType=StreamList"
                + " (and split(body()).streaming()), or limit it with maxRows or a LIMIT clause", null, false, false);
        this.rowsRead = rowsRead;
    }

    /** How many rows were read before memory ran out. */
    public long getRowsRead() {
        return rowsRead;
    }
}
