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
package io.github.cameldatabricks.testkit.volumes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A path inside a Unity Catalog volume, {@code /Volumes/<catalog>/<schema>/<volume>/<segment>/...}: the volume's
 * three-part name (lower-cased, as Unity Catalog compares names) and the file path segments below it (case kept).
 * Segments are validated so that no path can leave its volume: {@code .}, {@code ..}, empty segments and segments
 * holding a separator or NUL are rejected.
 *
 * @param catalog  the catalog, lower-case
 * @param schema   the schema, lower-case
 * @param volume   the volume, lower-case
 * @param segments the path below the volume root, empty for the root itself
 */
public record VolumePath(String catalog, String schema, String volume, List<String> segments) {

    private static final String PREFIX = "/Volumes/";

    public VolumePath {
        catalog = name(catalog, "catalog");
        schema = name(schema, "schema");
        volume = name(volume, "volume");
        for (String segment : segments) {
            checkSegment(segment);
        }
        segments = List.copyOf(segments);
    }

    /**
     * Parses {@code /Volumes/c/s/v[/path...]} (a trailing slash is allowed; {@code dbfs:/Volumes/...} too).
     *
     * @throws IllegalArgumentException if the text is not a volume path or a segment is not allowed
     */
    public static VolumePath parse(String text) {
        String path = text.startsWith("dbfs:/Volumes/") ? text.substring("dbfs:".length()) : text;
        if (!path.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + text + "' is not a volume path: expected /Volumes/<catalog>/"
                    + "<schema>/<volume>/...");
        }
        String rest = path.substring(PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return of(List.of(rest.split("/", -1)), text);
    }

    /**
     * Builds a path from decoded segments {@code [catalog, schema, volume, path...]}.
     *
     * @throws IllegalArgumentException if there are fewer than three or a segment is not allowed
     */
    public static VolumePath of(List<String> segments, String original) {
        if (segments.size() < 3) {
            throw new IllegalArgumentException("'" + original + "' does not name a volume: expected /Volumes/"
                    + "<catalog>/<schema>/<volume>/...");
        }
        return new VolumePath(segments.get(0), segments.get(1), segments.get(2), segments.subList(3, segments.size()));
    }

    private static String name(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " name of a volume path is empty.");
        }
        checkSegment(value);
        return value.toLowerCase(Locale.ROOT);
    }

    private static void checkSegment(String segment) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("A volume path must not contain empty segments ('//').");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("A volume path must not contain '.' or '..' segments.");
        }
        if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A volume path segment must not contain '/', '\\\\' or NUL.");
        }
    }

    /** Whether this is the volume's root directory. */
    public boolean isVolumeRoot() {
        return segments.isEmpty();
    }

    /** The last segment, or the volume name for the root. */
    public String name() {
        return segments.isEmpty() ? volume : segments.get(segments.size() - 1);
    }

    /** {@code catalog.schema.volume}. */
    public String volumeName() {
        return catalog + "." + schema + "." + volume;
    }

    /** The path of a child of this directory. */
    public VolumePath child(String name) {
        List<String> more = new ArrayList<>(segments);
        more.add(name);
        return new VolumePath(catalog, schema, volume, more);
    }

    /** {@code /Volumes/catalog/schema/volume/segments...}, without a trailing slash. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(PREFIX).append(catalog).append('/').append(schema).append('/')
                .append(volume);
        for (String segment : segments) {
            sb.append('/').append(segment);
        }
        return sb.toString();
    }
}
