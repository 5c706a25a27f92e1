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
package io.github.cameldatabricks.component;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.spi.UriParam;

/**
 * Checks the numeric options of an endpoint URI as written, before Camel converts them. Camel's conversion reads
 * {@code queryTimeout=30s} (a number of seconds) as the duration 30,000 ms, turns some malformed numbers into 0 and
 * wraps {@code 99999999999} around; by the time the values reach the component they look valid. So whole numbers must
 * be written as whole numbers in range, durations as milliseconds or a duration ({@code 30s}, {@code 5m},
 * {@code PT30S}), factors as decimals.
 */
final class RawOptionValues {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DURATION = Pattern
            .compile("\\d+|(?i)P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?"
                    + "|(?i)(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    /** The kind of each numeric option of the configuration classes, from their fields. */
    private static final Map<String, Kind> KINDS = kinds();

    private enum Kind {
        WHOLE_INT, WHOLE_LONG, DURATION, DECIMAL
    }

    private RawOptionValues() {
    }

    /** @throws IllegalArgumentException naming the first malformed option and what is expected */
    static void check(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            Kind kind = KINDS.get(e.getKey());
            if (kind == null || !(e.getValue() instanceof String raw)) {
                continue;
            }
            String value = raw.trim();
            switch (kind) {
                case WHOLE_INT, WHOLE_LONG -> {
                    if (!WHOLE.matcher(value).matches() || !inRange(value, kind == Kind.WHOLE_INT)) {
                        throw invalid(e.getKey(), value, "a whole number" + (kind == Kind.WHOLE_INT
                                ? " up to " + Integer.MAX_VALUE : "") + unit(e.getKey()));
                    }
                }
                case DURATION -> {
                    if (!DURATION.matcher(value).matches()) {
                        throw invalid(e.getKey(), value, "milliseconds or a duration such as 30s, 5m or PT30S");
                    }
                }
                case DECIMAL -> {
                    if (!DECIMAL.matcher(value).matches()) {
                        throw invalid(e.getKey(), value, "a decimal number such as 2.0");
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }

    private static boolean inRange(String value, boolean intRange) {
        try {
            long n = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
            return !intRange || (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String unit(String option) {
        return option.equals("queryTimeout") ? " of seconds" : "";
    }

    private static IllegalArgumentException invalid(String option, String value, String expected) {
        // numeric options hold no secrets, but a long value is cut: the message is for reading
        String shown = value.length() <= 40 ? value : value.substring(0, 37) + "...";
        return new IllegalArgumentException("Invalid " + option + " '" + shown + "': expected " + expected);
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new HashMap<>();
        for (Class<?> c = DatabricksConfiguration.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                UriParam param = f.getAnnotation(UriParam.class);
                if (param == null) {
                    continue;
                }
                String name = param.name().isEmpty() ? f.getName() : param.name();
                if (param.javaType().equals("java.time.Duration")) {
                    kinds.put(name, Kind.DURATION);
                } else if (f.getType() == int.class || f.getType() == Integer.class) {
                    kinds.put(name, Kind.WHOLE_INT);
                } else if (f.getType() == long.class || f.getType() == Long.class) {
                    kinds.put(name, Kind.WHOLE_LONG);
                } else if (f.getType() == double.class || f.getType() == Double.class) {
                    kinds.put(name, Kind.DECIMAL);
                }
            }
        }
        return Map.copyOf(kinds);
    }
}
