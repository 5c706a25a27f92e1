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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unity Catalog volumes of a LocalWarehouse and their files, kept in a directory the warehouse owns (deleted on
 * {@link #close()}). Each volume gets its own directory named by a counter, so catalog, schema and volume names never
 * reach the file system; files below it keep their names. Paths are resolved only through {@link VolumePath}, which
 * rejects anything that could leave the volume, and checked once more after normalisation. Uploads are written to a
 * staging directory on the same file system and moved into place atomically, so an interrupted upload never leaves a
 * partial file. Thread-safe.
 */
public final class VolumeStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeStore.class);

    private final Path root;
    private final Path volumesDirectory;
    private final Path stagingDirectory;
    private final Map<String, Path> volumes = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private VolumeStore(Path root) throws IOException {
        this.root = root;
        this.volumesDirectory = Files.createDirectories(root.resolve("volumes"));
        this.stagingDirectory = Files.createDirectories(root.resolve("staging"));
    }

    /** A store in a new temporary directory. */
    public static VolumeStore createTemporary() throws IOException {
        return new VolumeStore(Files.createTempDirectory("localwarehouse-volumes-"));
    }

    /** The directory holding every volume (for diagnostics). */
    public Path root() {
        return root;
    }

    /** Creates a volume; false if it exists already. The schema is not checked here. */
    public boolean create(String catalog, String schema, String volume) {
        String key = key(catalog, schema, volume);
        boolean[] created = { false };
        volumes.computeIfAbsent(key, k -> {
            try {
                created[0] = true;
                return Files.createDirectory(volumesDirectory.resolve("v" + sequence.incrementAndGet()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the directory of volume " + k, e);
            }
        });
        return created[0];
    }

    /** Drops a volume and deletes its files; false if it did not exist. */
    public boolean drop(String catalog, String schema, String volume) {
        Path directory = volumes.remove(key(catalog, schema, volume));
        if (directory == null) {
            return false;
        }
        deleteRecursively(directory);
        return true;
    }

    public boolean exists(String catalog, String schema, String volume) {
        return volumes.containsKey(key(catalog, schema, volume));
    }

    /** The names of the volumes of a schema, sorted. */
    public List<String> list(String catalog, String schema) {
        String prefix = key(catalog, schema, "");
        List<String> names = new ArrayList<>();
        for (String key : volumes.keySet()) {
            if (key.startsWith(prefix)) {
                names.add(key.substring(prefix.length()));
            }
        }
        names.sort(null);
        return names;
    }

    /** The local file-system path a volume path denotes, or empty if its volume does not exist. */
    public Optional<Path> resolve(VolumePath path) {
        Path volumeRoot = volumes.get(key(path.catalog(), path.schema(), path.volume()));
        if (volumeRoot == null) {
            return Optional.empty();
        }
        Path resolved = volumeRoot;
        for (String segment : path.segments()) {
            resolved = resolved.resolve(segment);
        }
        resolved = resolved.normalize();
        if (!resolved.startsWith(volumeRoot)) {
            // unreachable with a validated VolumePath; kept as the last line of defence
            throw new IllegalArgumentException("'" + path + "' leaves its volume.");
        }
        return Optional.of(resolved);
    }

    /**
     * Writes a stream to a new staging file (the caller publishes or deletes it). Reads in chunks: the content is never
     * held in memory.
     */
    public Path stage(InputStream content) throws IOException {
        Path staged = Files.createTempFile(stagingDirectory, "upload-", ".tmp");
        try {
            Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
            return staged;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
    }

    /** A new empty file in the staging directory, for scratch data; the caller deletes it. */
    public Path newStagingFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(stagingDirectory, prefix, suffix);
    }

    /**
     * Moves a staged file to its target atomically, creating parent directories. Serialised, so that the overwrite
     * check and the move are one step.
     *
     * @throws FileAlreadyExistsException if the target exists and {@code overwrite} is false, or is a directory
     */
    public synchronized void publish(Path staged, Path target, boolean overwrite) throws IOException {
        if (Files.isDirectory(target) || (!overwrite && Files.exists(target))) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes every volume and the store's directory. */
    @Override
    public void close() {
        volumes.clear();
        deleteRecursively(root);
    }

    private static String key(String catalog, String schema, String volume) {
        // NUL separates the parts: it cannot occur in a name, unlike '.' in a backticked one
        return (catalog + '\0' + schema + '\0' + volume).toLowerCase(Locale.ROOT);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
