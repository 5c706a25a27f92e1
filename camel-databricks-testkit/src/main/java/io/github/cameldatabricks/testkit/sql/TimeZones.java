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

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The session time zone ({@code SET TIME ZONE}, {@code spark.sql.session.timeZone}) as a DuckDB {@code TimeZone}
 * setting. Spark accepts region IDs and offsets ({@code '+04:00'}); DuckDB's ICU zones know no bare offsets, so a
 * whole-hour offset becomes the equivalent {@code Etc/GMT} zone (whose sign is inverted by POSIX convention).
 */
public final class TimeZones {

    /** The conf key Spark keeps the session time zone under (lower case, as session confs are stored). */
    public static final String CONF_KEY = "spark.sql.session.timezone";

    private TimeZones() {
    }

    /** The DuckDB zone for a Spark time zone value; {@code LOCAL} is the warehouse's own zone, UTC. */
    public static String toDuck(String value) throws WarehouseSqlException {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase("LOCAL") || v.equalsIgnoreCase("UTC") || v.equalsIgnoreCase("Z")) {
            return "UTC";
        }
        try {
            ZoneId zone = ZoneId.of(v.toUpperCase(Locale.ROOT).startsWith("GMT") || v.startsWith("+")
                    || v.startsWith("-") ? v.toUpperCase(Locale.ROOT) : v);
            if (zone instanceof ZoneOffset offset) {
                int seconds = offset.getTotalSeconds();
                if (seconds == 0) {
                    return "UTC";
                }
                if (seconds % 3600 == 0) {
                    int hours = seconds / 3600;
                    return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
                }
                throw new DateTimeException("not a whole-hour offset");
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw new WarehouseSqlException("INVALID_CONF_VALUE.TIME_ZONE", "22022", "The value '" + v
                    + "' in the config \"spark.sql.session.timeZone\" is invalid. Cannot resolve the given timezone.",
                    false);
        }
    }
}
