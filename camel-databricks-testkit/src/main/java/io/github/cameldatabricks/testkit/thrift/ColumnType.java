package io.github.cameldatabricks.testkit.thrift;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.databricks.jdbc.model.client.thrift.generated.TTypeId;

/**
 * A result column's Databricks type and how its values travel in a {@code COLUMN_BASED_SET}, derived from the
 * DuckDB type name.
 */
record ColumnType(TTypeId typeId, String sparkName, int precision, int scale) {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    static final ColumnType STRING = new ColumnType(TTypeId.STRING_TYPE, "STRING", 0, 0);
    static final ColumnType BIGINT = new ColumnType(TTypeId.BIGINT_TYPE, "BIGINT", 0, 0);
    static final ColumnType INT = new ColumnType(TTypeId.INT_TYPE, "INT", 0, 0);
    static final ColumnType SMALLINT = new ColumnType(TTypeId.SMALLINT_TYPE, "SMALLINT", 0, 0);
    static final ColumnType BOOLEAN = new ColumnType(TTypeId.BOOLEAN_TYPE, "BOOLEAN", 0, 0);

    static ColumnType fromDuck(String duckTypeName) {
        String t = duckTypeName.toUpperCase(Locale.ROOT);
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(1));
            int s = Integer.parseInt(m.group(2));
            return new ColumnType(TTypeId.DECIMAL_TYPE, "DECIMAL(" + p + "," + s + ")", p, s);
        }
        return switch (t) {
            case "BOOLEAN" -> BOOLEAN;
            case "TINYINT" -> new ColumnType(TTypeId.TINYINT_TYPE, "TINYINT", 0, 0);
            case "SMALLINT", "UTINYINT" -> SMALLINT;
            case "INTEGER", "USMALLINT" -> INT;
            case "BIGINT", "UINTEGER", "HUGEINT" -> BIGINT;
            case "UBIGINT", "UHUGEINT" -> new ColumnType(TTypeId.DECIMAL_TYPE, "DECIMAL(38,0)", 38, 0);
            case "FLOAT" -> new ColumnType(TTypeId.FLOAT_TYPE, "FLOAT", 0, 0);
            case "DOUBLE" -> new ColumnType(TTypeId.DOUBLE_TYPE, "DOUBLE", 0, 0);
            case "DATE" -> new ColumnType(TTypeId.DATE_TYPE, "DATE", 0, 0);
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" ->
                new ColumnType(TTypeId.TIMESTAMP_TYPE, "TIMESTAMP", 0, 0);
            case "BLOB" -> new ColumnType(TTypeId.BINARY_TYPE, "BINARY", 0, 0);
            default -> STRING;
        };
    }

    boolean isTimestampWithZone(String duckTypeName) {
        return duckTypeName.equalsIgnoreCase("TIMESTAMP WITH TIME ZONE");
    }
}
