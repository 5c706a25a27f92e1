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
