package io.github.cameldatabricks.component.sql;

/**
 * A column of a table as the warehouse describes it.
 *
 * @param name     the column name
 * @param typeName the warehouse's type name, e.g. {@code INT}, {@code DECIMAL}, {@code ARRAY}
 */
public record TableColumn(String name, String typeName) {
}
