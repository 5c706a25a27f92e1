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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.testkit.sql.CopyIntoCommand;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * Executes COPY INTO: finds the target table and the source files in a volume, skips files the table has loaded before
 * (unless {@code force}), and loads the others in one DuckDB transaction that also records them. Loads into one table
 * are serialised, so concurrent COPY INTOs of different files both load and of the same file load it once; loads into
 * different tables run in parallel.
 */
public final class CopyIntoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CopyIntoLoader.class);

    private final VolumeStore volumes;
    private final Map<String, Object> tableLocks = new ConcurrentHashMap<>();
    private final Object recordTableLock = new Object();

    public CopyIntoLoader(VolumeStore volumes) {
        this.volumes = volumes;
    }

    /**
     * Runs one COPY INTO on a connection of the session's catalog and schema.
     *
     * @throws WarehouseSqlException for a missing table, volume or path, a schema mismatch or a malformed file
     * @throws SQLException          for DuckDB errors (bad values, ...), to be translated by the caller
     */
    public CopyIntoResult load(Connection connection, CopyIntoCommand command) throws WarehouseSqlException,
            SQLException {
        TargetTable table = TargetTable.lookup(connection, command.target());
        List<SourceFiles.SourceFile> files = SourceFiles.select(volumes, command.source(), command.files(),
                command.pattern());
        synchronized (recordTableLock) {
            // concurrent CREATE TABLE IF NOT EXISTS in one DuckDB database can conflict: one at a time
            LoadedFiles.ensureExists(connection, table);
        }
        Object lock = tableLocks.computeIfAbsent(table.key(), k -> new Object());
        synchronized (lock) {
            return loadLocked(connection, command, table, files);
        }
    }

    private CopyIntoResult loadLocked(Connection connection, CopyIntoCommand command, TargetTable table,
            List<SourceFiles.SourceFile> files) throws WarehouseSqlException, SQLException {
        long inserted = 0;
        int loaded = 0;
        int skipped = 0;
        boolean committed = false;
        connection.setAutoCommit(false);
        try {
            for (SourceFiles.SourceFile file : files) {
                String key = file.path().toString();
                if (!command.force() && LoadedFiles.contains(connection, table, key)) {
                    skipped++;
                    continue;
                }
                inserted += loadFile(connection, command, table, file);
                LoadedFiles.add(connection, table, key);
                loaded++;
            }
            connection.commit();
            committed = true;
        } finally {
            if (!committed) {
                rollback(connection);
            }
            connection.setAutoCommit(true);
        }
        LOG.debug("COPY INTO {}: {} rows from {} file(s), {} skipped", table.name(), inserted, loaded, skipped);
        return new CopyIntoResult(inserted, loaded, skipped);
    }

    private long loadFile(Connection connection, CopyIntoCommand command, TargetTable table,
            SourceFiles.SourceFile file) throws WarehouseSqlException, SQLException {
        Path scratch = null;
        try {
            if (command.format().equals("JSON")) {
                scratch = volumes.newStagingFile("copy-into-", ".json");
            }
            String sql = SourceReaders.insert(connection, command.format(), file, table, command.formatOptions(),
                    scratch);
            try (Statement statement = connection.createStatement()) {
                return Math.max(0, statement.executeUpdate(sql));
            }
        } catch (IOException e) {
            throw CopyIntoErrors.malformedRecord(file.path().toString(), "could not be read: " + e.getMessage());
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", scratch, e.getMessage());
                }
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.getMessage());
        }
    }
}
