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
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.volumes.VolumePath;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * {@code /api/2.0/fs/directories/Volumes/...}: list (GET, by name, {@code page_size} up to 1000 and an opaque
 * {@code page_token}), create with parents (PUT), exists (HEAD) and delete when empty (DELETE). The error shapes follow
 * what the Databricks CLI handles: 404 {@code NOT_FOUND}, and 400 {@code INVALID_PARAMETER_VALUE} with the reason
 * {@code FILES_API_DIRECTORY_IS_NOT_EMPTY} for a directory that is not empty.
 */
final class DirectoryRequests {

    private static final int MAX_PAGE_SIZE = 1000;

    private final VolumeStore volumes;

    DirectoryRequests(VolumeStore volumes) {
        this.volumes = volumes;
    }

    FilesApiReply serve(HttpExchange ex, VolumePath path) throws IOException {
        Optional<Path> resolved = volumes.resolve(path);
        if (resolved.isEmpty()) {
            return FileRequests.volumeNotFound(path);
        }
        Path directory = resolved.get();
        return switch (ex.getRequestMethod()) {
            case "GET" -> list(ex, path, directory);
            case "PUT" -> create(path, directory);
            case "HEAD" -> Files.isDirectory(directory) ? FilesApiReply.headers(Map.of()) : notFound(path);
            case "DELETE" -> delete(path, directory);
            default -> FilesApiReply.error(405, "METHOD_NOT_ALLOWED", "Method " + ex.getRequestMethod()
                    + " is not allowed on directories.");
        };
    }

    private static FilesApiReply list(HttpExchange ex, VolumePath path, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return notFound(path);
        }
        Map<String, String> query = FilesApiPaths.query(ex.getRequestURI().getRawQuery());
        int pageSize = MAX_PAGE_SIZE;
        String after = null;
        try {
            if (query.containsKey("page_size")) {
                pageSize = Integer.parseInt(query.get("page_size"));
                if (pageSize < 1) {
                    throw new IllegalArgumentException();
                }
                pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
            }
            if (query.containsKey("page_token") && !query.get("page_token").isEmpty()) {
                after = new String(Base64.getUrlDecoder().decode(query.get("page_token")), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            return FilesApiReply.error(400, "INVALID_PARAMETER_VALUE", "Invalid page_size or page_token.");
        }
        List<Path> children;
        try (Stream<Path> entries = Files.list(directory)) {
            String from = after;
            children = entries.filter(p -> from == null || p.getFileName().toString().compareTo(from) > 0)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        List<Map<String, Object>> contents = new ArrayList<>();
        for (Path child : children.subList(0, Math.min(pageSize, children.size()))) {
            contents.add(entry(path, child));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contents", contents);
        if (children.size() > pageSize) {
            String last = children.get(pageSize - 1).getFileName().toString();
            body.put("next_page_token",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return FilesApiReply.json(body);
    }

    private static Map<String, Object> entry(VolumePath parent, Path child) throws IOException {
        String name = child.getFileName().toString();
        BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class);
        Map<String, Object> entry = new LinkedHashMap<>();
        if (attributes.isDirectory()) {
            entry.put("path", parent.child(name) + "/");
            entry.put("is_directory", true);
        } else {
            entry.put("path", parent.child(name).toString());
            entry.put("is_directory", false);
            entry.put("file_size", attributes.size());
            entry.put("last_modified", attributes.lastModifiedTime().toMillis());
        }
        entry.put("name", name);
        return entry;
    }

    private static FilesApiReply create(VolumePath path, Path directory) throws IOException {
        for (Path p = directory; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return FilesApiReply.error(409, "ALREADY_EXISTS", "A file exists at " + path
                        + " or one of its parents.");
            }
        }
        Files.createDirectories(directory);
        return FilesApiReply.noContent();
    }

    private static FilesApiReply delete(VolumePath path, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return FilesApiReply.error(404, "NOT_FOUND", "The directory " + path + " does not exist.",
                    "FILES_API_DIRECTORY_IS_NOT_FOUND");
        }
        if (path.isVolumeRoot()) {
            return FilesApiReply.error(400, "INVALID_PARAMETER_VALUE", "The root directory of volume "
                    + path.volumeName() + " cannot be deleted; use DROP VOLUME.");
        }
        try {
            Files.delete(directory);
        } catch (DirectoryNotEmptyException e) {
            return FilesApiReply.error(400, "INVALID_PARAMETER_VALUE", "The directory " + path + " is not empty.",
                    "FILES_API_DIRECTORY_IS_NOT_EMPTY");
        }
        return FilesApiReply.noContent();
    }

    private static FilesApiReply notFound(VolumePath path) {
        return FilesApiReply.error(404, "NOT_FOUND", "The directory " + path + " does not exist.");
    }
}
