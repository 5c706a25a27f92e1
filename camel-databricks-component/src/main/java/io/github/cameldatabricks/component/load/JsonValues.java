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
package io.github.cameldatabricks.component.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a Java value as the JSON that Databricks' JSON reader (COPY INTO ... FILEFORMAT = JSON) converts into the
 * column's type without loss: integral numbers as JSON numbers, BigDecimal and BigInteger as plain-notation strings,
 * dates as {@code yyyy-MM-dd}, instants as ISO-8601 UTC with microseconds, wall-clock date-times without a zone (read
 * in the session time zone), binary as base64, Maps and collections as JSON objects and arrays (STRUCT, MAP, ARRAY).
 */
final class JsonValues {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private JsonValues() {
    }

    static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            // as text: Spark's JSON reader reads a fractional JSON number as DOUBLE (unless prefersDecimal), which
            // would round a DECIMAL(38, x); a string is cast to the column's type exactly
            json.writeString(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                // Spark reads "NaN", "Infinity" and "-Infinity" strings into FLOAT and DOUBLE columns
                json.writeString(Double.toString(d));
            }
        } else if (value instanceof LocalDate d) {
            json.writeString(d.toString());
        } else if (value instanceof java.sql.Date d) {
            json.writeString(d.toLocalDate().toString());
        } else if (value instanceof Instant t) {
            json.writeString(INSTANT.format(t));
        } else if (value instanceof OffsetDateTime t) {
            json.writeString(INSTANT.format(t.toInstant()));
        } else if (value instanceof ZonedDateTime t) {
            json.writeString(INSTANT.format(t.toInstant()));
        } else if (value instanceof java.sql.Timestamp t) {
            json.writeString(INSTANT.format(t.toInstant()));
        } else if (value instanceof java.util.Date d) {
            json.writeString(INSTANT.format(d.toInstant()));
        } else if (value instanceof LocalDateTime t) {
            json.writeString(LOCAL.format(t));
        } else if (value instanceof byte[] bytes) {
            json.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                write(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] items) {
            json.writeStartArray();
            for (Object item : items) {
                write(json, item);
            }
            json.writeEndArray();
        } else {
            // String, Character, UUID, enums and anything else: their text
            json.writeString(value.toString());
        }
    }
}
