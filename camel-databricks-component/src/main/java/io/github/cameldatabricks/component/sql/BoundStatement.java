package io.github.cameldatabricks.component.sql;

import java.util.List;

/**
 * JDBC SQL with its parameter values in order.
 *
 * @param sql    the SQL with {@code ?} placeholders
 * @param values one value per placeholder
 */
public record BoundStatement(String sql, List<Object> values) {

    /** A statement without parameters. */
    public static BoundStatement of(String sql) {
        return new BoundStatement(sql, List.of());
    }

    @Override
    public String toString() {
        // values may be personal data: never part of toString
        return "BoundStatement[" + values.size() + " parameters]";
    }
}
