package io.github.cameldatabricks.component;

/** How a query result is returned, with camel-sql's names and meanings. */
public enum DatabricksOutputType {
    /** A single row: a scalar for one column, a Map (or bean) otherwise; more than one row is an error. */
    SelectOne,
    /** All rows as a List of Maps (or beans). */
    SelectList,
    /** An Iterator of Maps (or beans) read lazily; connection and result set are released when the exchange
     * completes. */
    StreamList
}
