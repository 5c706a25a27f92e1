package io.github.cameldatabricks.testkit.sql;

import java.util.Locale;

/** A fully qualified Databricks table name, lower-cased as Unity Catalog compares them. */
public record TableName(String catalog, String schema, String table) {

    public TableName {
        catalog = catalog.toLowerCase(Locale.ROOT);
        schema = schema.toLowerCase(Locale.ROOT);
        table = table.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code catalog.schema.table}. */
    public static TableName parse(String qualified) {
        String[] parts = qualified.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Expected catalog.schema.table but got '" + qualified + "'");
        }
        return new TableName(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return catalog + "." + schema + "." + table;
    }
}
