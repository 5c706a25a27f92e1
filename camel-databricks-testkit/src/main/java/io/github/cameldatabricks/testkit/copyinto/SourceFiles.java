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
package io.github.cameldatabricks.testkit.copyinto;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;
import io.github.cameldatabricks.testkit.volumes.VolumePath;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * Which files a COPY INTO reads: the source file itself; or, for a directory, the files directly in it, the ones named
 * in {@code FILES} (relative to it), or the ones matching {@code PATTERN} (a glob relative to it, where {@code *} does
 * not cross a {@code /}). Like Spark's file sources, names starting with {@code _} or {@code .} are hidden from
 * directory listings and patterns.
 */
final class SourceFiles {

    /** One file to load: its volume path (the key of the loaded-files record) and where it is on disk. */
    record SourceFile(VolumePath path, Path local) {
    }

    private SourceFiles() {
    }

    static List<SourceFile> select(VolumeStore volumes, String source, List<String> names, String pattern)
            throws WarehouseSqlException {
        VolumePath root;
        try {
            root = VolumePath.parse(source);
        } catch (IllegalArgumentException e) {
            if (!source.startsWith("/Volumes/") && !source.startsWith("dbfs:/Volumes/")) {
                throw CopyIntoErrors.notAVolumePath(source);
            }
            throw CopyIntoErrors.invalidParameter(e.getMessage());
        }
        Optional<Path> resolved = volumes.resolve(root);
        if (resolved.isEmpty()) {
            throw WarehouseSqlException.volumeNotFound(root.catalog(), root.schema(), root.volume());
        }
        Path local = resolved.get();
        if (Files.isRegularFile(local)) {
            if (!names.isEmpty() || pattern != null) {
                throw CopyIntoErrors.invalidParameter("FILES and PATTERN need a directory as the COPY INTO source,"
                        + " but " + root + " is a file.");
            }
            return List.of(new SourceFile(root, local));
        }
        if (!Files.isDirectory(local)) {
            throw CopyIntoErrors.pathNotFound(root.toString());
        }
        if (!names.isEmpty() && pattern != null) {
            throw CopyIntoErrors.invalidParameter("FILES and PATTERN cannot be used together in COPY INTO.");
        }
        try {
            if (!names.isEmpty()) {
                return named(volumes, root, names);
            }
            return pattern != null ? matching(root, local, pattern) : listed(root, local);
        } catch (IOException e) {
            throw CopyIntoErrors.invalidParameter("Could not list " + root + ": " + e.getMessage());
        }
    }

    private static List<SourceFile> named(VolumeStore volumes, VolumePath root, List<String> names)
            throws WarehouseSqlException {
        List<SourceFile> out = new ArrayList<>();
        for (String name : names) {
            VolumePath path = root;
            try {
                for (String segment : name.split("/", -1)) {
                    path = path.child(segment);
                }
            } catch (IllegalArgumentException e) {
                throw CopyIntoErrors.invalidParameter("Invalid file name '" + name + "' in FILES: " + e.getMessage());
            }
            Path local = volumes.resolve(path).orElseThrow();
            if (!Files.isRegularFile(local)) {
                throw CopyIntoErrors.pathNotFound(path.toString());
            }
            out.add(new SourceFile(path, local));
        }
        return out;
    }

    private static List<SourceFile> listed(VolumePath root, Path directory) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (Files.isRegularFile(child) && !hidden(name)) {
                    out.add(new SourceFile(root.child(name), child));
                }
            }
        }
        return out;
    }

    private static List<SourceFile> matching(VolumePath root, Path directory, String pattern)
            throws IOException, WarehouseSqlException {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException e) {
            throw CopyIntoErrors.invalidParameter("Invalid PATTERN '" + pattern + "': " + e.getMessage());
        }
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = directory.relativize(file);
                boolean visible = true;
                for (Path part : relative) {
                    visible &= !hidden(part.toString());
                }
                if (visible && matcher.matches(relative)) {
                    VolumePath path = root;
                    for (Path part : relative) {
                        path = path.child(part.toString());
                    }
                    out.add(new SourceFile(path, file));
                }
            }
        }
        return out;
    }

    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
