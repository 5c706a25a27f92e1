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

import java.util.Locale;
import java.util.Set;

/**
 * Maps Databricks catalog names onto DuckDB database names. DuckDB reserves {@code main}, {@code system}, {@code temp}
 * and {@code memory}, which are ordinary (and common) catalog names on Databricks.
 */
public final class CatalogNames {

    private static final Set<String> RESERVED = Set.of("main", "system", "temp", "memory");
    private static final String PREFIX = "dbx_";

    private CatalogNames() {
    }

    public static String toDuck(String databricksCatalog) {
        String name = databricksCatalog.toLowerCase(Locale.ROOT);
        return RESERVED.contains(name) ? PREFIX + name : name;
    }

    public static String toDatabricks(String duckName) {
        String name = duckName.toLowerCase(Locale.ROOT);
        if (name.startsWith(PREFIX) && RESERVED.contains(name.substring(PREFIX.length()))) {
            return name.substring(PREFIX.length());
        }
        return name;
    }

    static boolean isReserved(String databricksCatalog) {
        return RESERVED.contains(databricksCatalog.toLowerCase(Locale.ROOT));
    }

    /** A DuckDB double-quoted identifier. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A DuckDB single-quoted string literal. */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
