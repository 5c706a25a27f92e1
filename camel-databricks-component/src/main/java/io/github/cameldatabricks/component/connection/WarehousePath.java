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
package io.github.cameldatabricks.component.connection;

import java.util.regex.Pattern;

/** Validation of SQL warehouse HTTP paths and ids. */
public final class WarehousePath {

    private static final Pattern HTTP_PATH = Pattern.compile("/sql/1\\.0/(?:warehouses|endpoints)/([A-Za-z0-9]+)");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+");

    private WarehousePath() {
    }

    /** Validates an {@code httpPath} value and returns it (a trailing slash removed). */
    public static String validateHttpPath(String value, String source) {
        String v = value.trim();
        if (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!HTTP_PATH.matcher(v).matches()) {
            throw new IllegalArgumentException("Invalid " + source + " '" + value
                    + "': expected a SQL warehouse HTTP path /sql/1.0/warehouses/<warehouse-id>"
                    + " (Connection details of the warehouse)");
        }
        return v;
    }

    /** The HTTP path for a warehouse id. */
    public static String fromWarehouseId(String warehouseId) {
        if (!ID.matcher(warehouseId.trim()).matches()) {
            throw new IllegalArgumentException("Invalid warehouseId '" + warehouseId
                    + "': expected the alphanumeric id of a SQL warehouse, e.g. abc123def456");
        }
        return "/sql/1.0/warehouses/" + warehouseId.trim();
    }

    /** The warehouse id in a validated HTTP path. */
    public static String warehouseId(String httpPath) {
        var m = HTTP_PATH.matcher(httpPath);
        return m.matches() ? m.group(1) : null;
    }
}
