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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.volumes.VolumePath;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * {@code /api/2.0/fs/files/Volumes/...}: upload (PUT, raw bytes streamed to disk, {@code overwrite} true unless given
 * as false, as the API documents), download (GET, streamed, with a single {@code Range: bytes=a-b}), metadata (HEAD:
 * {@code content-length}, {@code content-type}, {@code last-modified}) and delete.
 */
final class FileRequests {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final String OCTET_STREAM = "application/octet-stream";

    private final VolumeStore volumes;

    FileRequests(VolumeStore volumes) {
        this.volumes = volumes;
    }

    FilesApiReply serve(HttpExchange ex, VolumePath path) throws IOException {
        Optional<Path> resolved = volumes.resolve(path);
        if (resolved.isEmpty()) {
            return volumeNotFound(path);
        }
        if (path.isVolumeRoot()) {
            return FilesApiReply.error(404, "NOT_FOUND", "The file " + path + " does not exist: it is a volume.");
        }
        Path file = resolved.get();
        return switch (ex.getRequestMethod()) {
            case "PUT" -> put(ex, path, file);
            case "GET" -> get(ex, path, file);
            case "HEAD" -> head(path, file);
            case "DELETE" -> delete(path, file);
            default -> FilesApiReply.error(405, "METHOD_NOT_ALLOWED", "Method " + ex.getRequestMethod()
                    + " is not allowed on files.");
        };
    }

    static FilesApiReply volumeNotFound(VolumePath path) {
        // a missing catalog answers 404 "Catalog '...' does not exist."; a missing volume likewise
        return FilesApiReply.error(404, "NOT_FOUND", "Volume '" + path.volumeName() + "' does not exist.");
    }

    private FilesApiReply put(HttpExchange ex, VolumePath path, Path file) throws IOException {
        boolean overwrite = !"false".equalsIgnoreCase(FilesApiPaths.query(ex.getRequestURI().getRawQuery())
                .getOrDefault("overwrite", "true"));
        FilesApiReply conflict = conflict(path, file, overwrite);
        if (conflict != null) {
            return conflict;
        }
        Path staged;
        try (InputStream body = ex.getRequestBody()) {
            staged = volumes.stage(body);
        } catch (IOException e) {
            return FilesApiReply.dropped("upload interrupted: " + e.getMessage());
        }
        try {
            volumes.publish(staged, file, overwrite);
        } catch (FileAlreadyExistsException e) {
            FilesApiReply late = conflict(path, file, overwrite);
            return late != null ? late : alreadyExists(path);
        } finally {
            Files.deleteIfExists(staged);
        }
        return FilesApiReply.noContent();
    }

    /** A reason the upload cannot be stored, or null. */
    private static FilesApiReply conflict(VolumePath path, Path file, boolean overwrite) {
        if (Files.isDirectory(file)) {
            return FilesApiReply.error(409, "ALREADY_EXISTS", "A directory already exists at " + path + ".");
        }
        if (!overwrite && Files.exists(file)) {
            return alreadyExists(path);
        }
        for (Path parent = file.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent)) {
                return FilesApiReply.error(409, "ALREADY_EXISTS", "A file exists where a parent directory of "
                        + path + " would be.");
            }
        }
        return null;
    }

    private static FilesApiReply alreadyExists(VolumePath path) {
        return FilesApiReply.error(409, "ALREADY_EXISTS", "The file " + path + " already exists.");
    }

    private static FilesApiReply get(HttpExchange ex, VolumePath path, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return notFound(path);
        }
        long size = Files.size(file);
        Map<String, String> headers = headers(file);
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new FilesApiReply.Of(200, null, out -> stream(out, file, headers, 200, 0, size));
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (first >= size || last < first) {
            return new FilesApiReply.Of(416, "range not satisfiable", out -> {
                out.getResponseHeaders().set("Content-Range", "bytes */" + size);
                FilesApiResponses.error(out, 416, "INVALID_PARAMETER_VALUE", "The range " + range
                        + " cannot be satisfied for a file of " + size + " bytes.", null);
            });
        }
        headers.put("Content-Range", "bytes " + first + "-" + last + "/" + size);
        long length = last - first + 1;
        return new FilesApiReply.Of(206, null, out -> stream(out, file, headers, 206, first, length));
    }

    private static void stream(HttpExchange ex, Path file, Map<String, String> headers, int status, long offset,
            long length) throws IOException {
        headers.put("Content-Length", String.valueOf(length));
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("x-request-id", String.valueOf(ex.getAttribute(Router.REQUEST_ID)));
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        // the JDK server reads 0 as "chunked" and -1 as "no body"
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
                in.skipNBytes(offset);
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }
        ex.close();
    }

    private static FilesApiReply head(VolumePath path, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return notFound(path);
        }
        Map<String, String> headers = headers(file);
        headers.put("Content-Length", String.valueOf(Files.size(file)));
        return FilesApiReply.headers(headers);
    }

    private static Map<String, String> headers(Path file) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", OCTET_STREAM);
        headers.put("Last-Modified", FilesApiResponses.httpDate(Files.getLastModifiedTime(file).toInstant()));
        return headers;
    }

    private static FilesApiReply delete(VolumePath path, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return notFound(path);
        }
        Files.deleteIfExists(file);
        return FilesApiReply.noContent();
    }

    private static FilesApiReply notFound(VolumePath path) {
        return FilesApiReply.error(404, "NOT_FOUND", "The file " + path + " does not exist.");
    }
}
