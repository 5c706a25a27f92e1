package io.github.cameldatabricks.component.sql;

/**
 * Per-statement JDBC settings; 0 leaves the driver's default.
 *
 * @param maxRows             {@code Statement.setMaxRows}
 * @param fetchSize           {@code Statement.setFetchSize}
 * @param queryTimeoutSeconds {@code Statement.setQueryTimeout}
 * @param maxResultBytes      the estimated heap a result read whole may take (0: a quarter of the maximum heap)
 */
public record StatementOptions(int maxRows, int fetchSize, int queryTimeoutSeconds, long maxResultBytes) {
}
