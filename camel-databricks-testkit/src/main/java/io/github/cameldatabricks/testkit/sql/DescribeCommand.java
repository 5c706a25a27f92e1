package io.github.cameldatabricks.testkit.sql;

/**
 * {@code DESCRIBE [TABLE] name}, as two DuckDB queries the warehouse runs itself, because DuckDB's type names must
 * be respelled in Java ({@link SparkTypeNames}) before they become the {@code data_type} column.
 *
 * @param checkSql   a query of the table that fails as a query of it would (missing table)
 * @param columnsSql the columns: {@code col_name}, the DuckDB type name, {@code comment}, in column order
 */
public record DescribeCommand(String checkSql, String columnsSql) implements Translation.Command {
}
