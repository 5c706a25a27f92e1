package io.github.cameldatabricks.component.error;

/**
 * A result read whole (outputType=SelectList or SelectOne) passed maxResultBytes: reading stopped and the rows read
 * so far were released. Classified as too_large, not retryable.
 */
public class ResultTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param rowsRead   how many rows were read before the limit was passed
     * @param limitBytes the limit
     */
    public ResultTooLargeException(long rowsRead, long limitBytes) {
        super("the result passed maxResultBytes (" + limitBytes / (1024 * 1024) + " MB, estimated) after " + rowsRead
                + " rows: stream it with outputType=StreamList and split().streaming(), or limit it with maxRows");
    }
}
