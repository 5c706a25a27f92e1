package io.github.cameldatabricks.testkit.copyinto;

/**
 * What a COPY INTO did.
 *
 * @param insertedRows rows inserted (Databricks' {@code num_affected_rows} and {@code num_inserted_rows})
 * @param loadedFiles  files read
 * @param skippedFiles files skipped because they were loaded before
 */
public record CopyIntoResult(long insertedRows, int loadedFiles, int skippedFiles) {
}
