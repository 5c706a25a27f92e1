/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldatabricks.testkit.sql;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spark's typed numeric literals: {@code 1Y} TINYINT, {@code 1S} SMALLINT, {@code 1L} BIGINT, {@code 1.5F} FLOAT,
 * {@code 1.5D} DOUBLE and {@code 1.5BD} DECIMAL with the literal's own precision and scale. DuckDB has no suffixes (it
 * reads {@code 1L} as {@code 1} aliased {@code L}), so they become casts.
 */
final class NumericLiterals {

    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern DECIMAL = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_PRECISION = 38;

    private NumericLiterals() {
    }

    /** The DuckDB form of a NUMBER token; a token without a suffix is returned unchanged. */
    static String toDuck(String text) throws WarehouseSqlException {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith("BD")) {
            String digits = text.substring(0, text.length() - 2);
            if (DECIMAL.matcher(digits).matches()) {
                return decimal(digits);
            }
            return text;
        }
        String digits = text.substring(0, text.length() - 1);
        String type = switch (upper.charAt(upper.length() - 1)) {
            case 'Y' -> INTEGER.matcher(digits).matches() ? "TINYINT" : null;
            case 'S' -> INTEGER.matcher(digits).matches() ? "SMALLINT" : null;
            case 'L' -> INTEGER.matcher(digits).matches() ? "BIGINT" : null;
            case 'F' -> DECIMAL.matcher(digits).matches() ? "FLOAT" : null;
            case 'D' -> DECIMAL.matcher(digits).matches() ? "DOUBLE" : null;
            default -> null;
        };
        return type == null ? text : "CAST(" + digits + " AS " + type + ")";
    }

    private static String decimal(String digits) throws WarehouseSqlException {
        BigDecimal value = new BigDecimal(digits);
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        int precision = Math.max(value.precision(), value.scale());
        if (precision > MAX_PRECISION) {
            throw new WarehouseSqlException("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "22003", "Decimal precision "
                    + precision + " exceeds max precision " + MAX_PRECISION + ".", true);
        }
        return "CAST(" + value.toPlainString() + " AS DECIMAL(" + precision + ", " + value.scale() + "))";
    }
}
