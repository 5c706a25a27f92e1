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

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a databricks:load: endpoint writes: the table COPY INTO loads, and the volume folder files are staged in.
 *
 * @param table         the table, as written in the URI (one to three dot-separated names, backticks allowed)
 * @param stagingFolder the volume folder, {@code /Volumes/<catalog>/<schema>/<volume>[/folder]}, without a trailing
 *                      slash
 */
public record LoadTarget(String table, String stagingFolder) {

    /** The endpoint path prefix that selects a bulk load. */
    public static final String PREFIX = "load:";

    private static final String NAME = "(?:`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)";
    private static final Pattern TABLE = Pattern.compile(NAME + "(?:\\." + NAME + "){0,2}");
    private static final Pattern VOLUME_FOLDER = Pattern.compile("/Volumes(?:/[^/\\\\'\"]+){3,}");

    /** Whether an endpoint path selects a bulk load. */
    public static boolean isLoad(String path) {
        return path != null && path.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * Parses the path after {@code databricks:} and the stagingVolume option.
     *
     * @throws IllegalArgumentException naming the table or option and what is expected
     */
    public static LoadTarget parse(String path, String stagingVolume) {
        String table = path.trim().substring(PREFIX.length()).trim();
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Invalid load table '" + abbreviate(table) + "': expected"
                    + " databricks:load:<catalog>.<schema>.<table> (a load endpoint takes a table name, not SQL)");
        }
        if (stagingVolume == null || stagingVolume.isBlank()) {
            throw new IllegalArgumentException("Missing stagingVolume: databricks:load:" + table + " stages its rows"
                    + " as files in a Unity Catalog volume; set stagingVolume=/Volumes/<catalog>/<schema>/<volume>");
        }
        String folder = stagingVolume.trim();
        while (folder.endsWith("/") && folder.length() > 1) {
            folder = folder.substring(0, folder.length() - 1);
        }
        if (!VOLUME_FOLDER.matcher(folder).matches() || folder.contains("/../") || folder.endsWith("/..")
                || folder.contains("/./") || folder.endsWith("/.")) {
            throw new IllegalArgumentException("Invalid stagingVolume '" + abbreviate(stagingVolume) + "': expected"
                    + " /Volumes/<catalog>/<schema>/<volume>[/folder] (a Unity Catalog volume path)");
        }
        return new LoadTarget(table, folder);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
