package io.github.cameldatabricks.component.load;

/**
 * What a bulk load did.
 *
 * @param loadedRows  the rows COPY INTO reported as loaded (0 when a retried COPY INTO found its files already
 *                    loaded by an earlier attempt whose answer was lost)
 * @param stagedRows  the rows written to the staging files, or -1 for a body that already was a file
 * @param stagingPath the volume folder the files were staged in
 * @param files       how many files were staged
 */
public record LoadResult(long loadedRows, long stagedRows, String stagingPath, int files) {
}
