package io.github.cameldatabricks.component.batch;

/**
 * How much one multi-row statement may carry.
 *
 * @param maxParameters the most parameter markers in one statement (databricks-jdbc binds up to 256 natively)
 * @param maxBytes      the most bytes of statement text and parameter values in one statement
 */
public record BatchLimits(int maxParameters, int maxBytes) {

    /** How many rows of {@code markersPerRow} markers fit in one statement; at least one. */
    int rowsPerStatement(int markersPerRow) {
        return markersPerRow == 0 ? Integer.MAX_VALUE : Math.max(1, maxParameters / markersPerRow);
    }
}
