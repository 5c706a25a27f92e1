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
package io.github.cameldatabricks.testkit.http;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cameldatabricks.testkit.volumes.VolumePath;

/**
 * Reads the volume path and query of a Files API request. databricks-sdk-java percent-encodes each segment of the path
 * ({@code Encoding.encodeMultiSegmentPathParameter}) and keeps the slashes, so the raw path is split first and each
 * segment decoded on its own: an encoded slash ({@code %2F}) stays inside its segment and is then rejected.
 */
final class FilesApiPaths {

    private FilesApiPaths() {
    }

    /**
     * The volume path below {@code prefix} in the raw request path.
     *
     * @throws IllegalArgumentException if it is not {@code /Volumes/<catalog>/<schema>/<volume>/...}, a segment is
     *                                  badly encoded, or a segment is not allowed
     */
    static VolumePath volumePath(String rawPath, String prefix) {
        String rest = rawPath.substring(prefix.length());
        String original = rest;
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (!rest.startsWith("/Volumes/")) {
            throw new IllegalArgumentException("Only paths in Unity Catalog volumes are supported: expected"
                    + " /Volumes/<catalog>/<schema>/<volume>/... but got '" + decodeLenient(original) + "'.");
        }
        String[] raw = rest.substring("/Volumes/".length()).split("/", -1);
        List<String> segments = new ArrayList<>(raw.length);
        for (String segment : raw) {
            segments.add(percentDecode(segment));
        }
        return VolumePath.of(segments, decodeLenient(original));
    }

    /** Decodes {@code %XX} escapes as UTF-8; unlike form decoding, {@code +} stays a plus. */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("Malformed percent-encoding in '" + segment + "'.");
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Malformed percent-encoding in '" + segment + "'.");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int codePoint = segment.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** For messages and the audit: the path decoded where possible. */
    static String decodeLenient(String rawPath) {
        try {
            return percentDecode(rawPath);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /** The query parameters (form-decoded; the last value of a repeated name wins). */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
