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
package io.github.cameldatabricks.component.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Sets parameter values on a prepared statement as the driver's native parameters, converting the java.time and other
 * common Java types that routes carry into types databricks-jdbc binds.
 */
public final class StatementBinder {

    private StatementBinder() {
    }

    /** Binds the values to parameters 1..n. */
    public static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            set(statement, i + 1, value == null ? null : convert(value));
        }
    }

    /**
     * Uses the typed setters: databricks-jdbc's {@code setObject(int, Object)} rejects some types it binds fine through
     * their own setter (BigDecimal, for one).
     */
    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String v) {
            statement.setString(index, v);
        } else if (value instanceof Integer v) {
            statement.setInt(index, v);
        } else if (value instanceof Long v) {
            statement.setLong(index, v);
        } else if (value instanceof Short v) {
            statement.setShort(index, v);
        } else if (value instanceof Byte v) {
            statement.setByte(index, v);
        } else if (value instanceof Boolean v) {
            statement.setBoolean(index, v);
        } else if (value instanceof Double v) {
            statement.setDouble(index, v);
        } else if (value instanceof Float v) {
            statement.setFloat(index, v);
        } else if (value instanceof BigDecimal v) {
            statement.setBigDecimal(index, v);
        } else if (value instanceof Timestamp v) {
            statement.setTimestamp(index, v);
        } else if (value instanceof Date v) {
            statement.setDate(index, v);
        } else if (value instanceof byte[]) {
            // databricks-jdbc 3.4.5 rejects setBytes for native parameters; say what works instead
            throw new IllegalArgumentException("Parameter " + index + " is a byte[]: databricks-jdbc cannot bind"
                    + " binary values as parameters. Pass it as a hex string and write unhex(:#name) in the SQL");
        } else {
            statement.setObject(index, value);
        }
    }

    static Object convert(Object value) {
        if (value instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (value instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        if (value instanceof Instant t) {
            return Timestamp.from(t);
        }
        if (value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        if (value instanceof ZonedDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        if (value instanceof java.util.Date d && !(value instanceof Date) && !(value instanceof Timestamp)) {
            return new Timestamp(d.getTime());
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Character || value instanceof Enum<?> || value instanceof java.util.UUID) {
            return value.toString();
        }
        return value;
    }
}
