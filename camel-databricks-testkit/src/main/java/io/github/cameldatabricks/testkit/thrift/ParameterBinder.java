package io.github.cameldatabricks.testkit.thrift;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.databricks.jdbc.model.client.thrift.generated.TSparkParameter;
import com.databricks.jdbc.model.client.thrift.generated.TSparkParameterValue;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Binds the driver's native statement parameters ({@code TSparkParameter}: ordinal or name, Spark type name and
 * a string value) to the DuckDB prepared statement, converting each value to its declared type.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    static void bind(PreparedStatement statement, List<TSparkParameter> parameters, List<String> markerNames)
            throws SQLException, WarehouseSqlException {
        if (parameters == null || parameters.isEmpty()) {
            return;
        }
        if (!markerNames.isEmpty()) {
            Map<String, TSparkParameter> byName = new HashMap<>();
            for (TSparkParameter p : parameters) {
                if (p.isSetName()) {
                    byName.put(p.getName().toLowerCase(Locale.ROOT), p);
                }
            }
            for (int i = 0; i < markerNames.size(); i++) {
                TSparkParameter p = byName.get(markerNames.get(i).toLowerCase(Locale.ROOT));
                if (p == null) {
                    throw new WarehouseSqlException("UNBOUND_SQL_PARAMETER", "42P02",
                            "Found the unbound parameter: " + markerNames.get(i) + ".", true);
                }
                statement.setObject(i + 1, convert(p));
            }
            return;
        }
        for (TSparkParameter p : parameters) {
            int ordinal = p.isSetOrdinal() ? p.getOrdinal() : parameters.indexOf(p) + 1;
            statement.setObject(ordinal, convert(p));
        }
    }

    static Object convert(TSparkParameter p) throws WarehouseSqlException {
        TSparkParameterValue value = p.getValue();
        String type = p.isSetType() ? p.getType().toUpperCase(Locale.ROOT) : "STRING";
        if (value == null || type.equals("VOID") || type.equals("NULL")) {
            return null;
        }
        if (value.isSetBooleanValue()) {
            return value.getBooleanValue();
        }
        if (value.isSetDoubleValue()) {
            return value.getDoubleValue();
        }
        String s = value.isSetStringValue() ? value.getStringValue() : null;
        if (s == null) {
            return null;
        }
        try {
            if (type.startsWith("DECIMAL")) {
                return new BigDecimal(s);
            }
            return switch (type) {
                case "BOOLEAN" -> Boolean.parseBoolean(s);
                case "TINYINT", "BYTE" -> Byte.parseByte(s);
                case "SMALLINT", "SHORT" -> Short.parseShort(s);
                case "INT", "INTEGER" -> Integer.parseInt(s);
                case "BIGINT", "LONG" -> Long.parseLong(s);
                case "FLOAT", "REAL" -> Float.parseFloat(s);
                case "DOUBLE" -> Double.parseDouble(s);
                case "DATE" -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                case "TIMESTAMP", "TIMESTAMP_NTZ" -> timestamp(s);
                case "BINARY" -> HexFormat.of().parseHex(s);
                default -> s;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new WarehouseSqlException("INVALID_PARAMETER_VALUE", "22023",
                    "The value of parameter " + (p.isSetName() ? p.getName() : p.getOrdinal())
                            + " is not a valid " + type + ".",
                    false);
        }
    }

    private static LocalDateTime timestamp(String s) {
        String t = s.trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(t).toLocalDateTime();
        }
    }
}
