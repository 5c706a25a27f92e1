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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.WrappedFile;
import org.apache.camel.support.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.error.AttemptFailedException;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ExecutionPhase;
import io.github.cameldatabricks.component.error.FilesApiException;
import io.github.cameldatabricks.component.retry.RetryLoop;
import io.github.cameldatabricks.component.sql.BoundStatement;
import io.github.cameldatabricks.component.sql.SqlRunner;
import io.github.cameldatabricks.component.sql.TableColumn;
import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * Loads a message body into a table the way Databricks recommends for volume: stage it as files in a Unity Catalog
 * volume (Files API), then {@code COPY INTO} the table from those files, then remove them.
 *
 * <p>
 * Every step may be retried, even after an unknown outcome: the files are uploaded with overwrite to names that are
 * fixed for the message (its load id, unique per message), and COPY INTO skips files it has already loaded into the
 * table. A retry after an ambiguous COPY INTO, a Camel redelivery, or a replay of the message with its headers
 * therefore does not load a row twice.
 */
public final class BulkLoader {

    private static final Logger LOG = LoggerFactory.getLogger(BulkLoader.class);
    private static final String STAGING_SUBFOLDER = "camel-databricks";
    /** COPY INTO takes at most 1,000 names in its FILES list. */
    private static final int MAX_FILES_PER_COPY = 1000;

    private final LoadTarget target;
    private final DatabricksLoadFormat fileFormat;
    private final int fileRows;
    private final SqlRunner runner;
    private final VolumeFiles files;

    public BulkLoader(LoadTarget target, DatabricksLoadFormat fileFormat, int fileRows, SqlRunner runner,
            WorkspaceHost host, String userAgentEntry, Supplier<String> accessToken) {
        this.target = target;
        this.fileFormat = fileFormat;
        this.fileRows = fileRows;
        this.runner = runner;
        this.files = new VolumeFiles(host, userAgentEntry, accessToken);
    }

    /**
     * Loads the body: rows (a List, Iterable, Iterator or stream of Maps or beans, or one Map), or a file in the
     * endpoint's loadFormat (an InputStream, byte[], File, Path or Camel file).
     *
     * @param loadId the name of the message's staging folder; the same id for a retry of the same message
     * @param toMap  turns a row that is not a Map (a bean) into column values
     */
    public LoadResult load(Object body, String loadId, RetryLoop retryLoop, Function<Object, Map<?, ?>> toMap)
            throws DatabricksException, IOException {
        String folder = stagingFolder(loadId);
        Path local = Files.createTempDirectory("camel-databricks-load-");
        try {
            List<String> names = new ArrayList<>();
            DatabricksLoadFormat format;
            long stagedRows;
            Path file = asFile(body, local);
            if (file != null) {
                format = fileFormat;
                checkFormatFits(format, columns(retryLoop));
                String name = "part-00000." + format.name().toLowerCase(Locale.ROOT);
                retryLoop.run(true, () -> upload(file, folder + "/" + name));
                names.add(name);
                stagedRows = -1;
            } else {
                format = DatabricksLoadFormat.JSON;
                stagedRows = stageRows(rows(body), local, folder, names, retryLoop, toMap);
            }
            if (names.isEmpty()) {
                return new LoadResult(0, 0, folder, 0);
            }
            long loaded = 0;
            for (int from = 0; from < names.size(); from += MAX_FILES_PER_COPY) {
                String copy = copyInto(folder, format, names.subList(from, Math.min(names.size(),
                        from + MAX_FILES_PER_COPY)));
                // COPY INTO answers with num_inserted_rows (and num_affected_rows), or the driver's update count
                loaded += retryLoop.run(true, () -> runner.execute(BoundStatement.of(copy))).value()
                        .changedRows("num_inserted_rows", "num_affected_rows");
            }
            if (stagedRows >= 0 && loaded != stagedRows) {
                LOG.info("COPY INTO {} loaded {} of {} staged rows: the rest were loaded by an earlier attempt of the"
                        + " same message ({})", target.table(), loaded, stagedRows, folder);
            }
            removeStaged(folder, names);
            return new LoadResult(loaded, stagedRows, folder, names.size());
        } finally {
            deleteLocal(local);
        }
    }

    /**
     * Writes the rows to files of at most fileRows rows, uploading and deleting each before the next is written, so
     * that neither memory nor local disk holds more than one file; returns the rows staged.
     */
    private long stageRows(Iterator<?> rows, Path local, String folder, List<String> names, RetryLoop retryLoop,
            Function<Object, Map<?, ?>> toMap) throws DatabricksException, IOException {
        JsonLinesStager stager = new JsonLinesStager(target.table(), columns(retryLoop), fileRows);
        long staged = 0;
        while (rows.hasNext()) {
            StagedFile f = stager.next(rows, local, toMap);
            retryLoop.run(true, () -> upload(f.local(), folder + "/" + f.name()));
            Files.delete(f.local());
            names.add(f.name());
            staged += f.rows();
        }
        return staged;
    }

    /** The volume folder the files of the message with this load id are staged in. */
    public String stagingFolder(String loadId) {
        return target.stagingFolder() + "/" + STAGING_SUBFOLDER + "/" + loadId;
    }

    private List<TableColumn> columns(RetryLoop retryLoop) throws DatabricksException {
        return retryLoop.run(true, () -> runner.columns("SELECT * FROM " + target.table() + " LIMIT 0")).value();
    }

    static void checkFormatFits(DatabricksLoadFormat format, List<TableColumn> columns) {
        if (format != DatabricksLoadFormat.CSV) {
            return;
        }
        for (TableColumn c : columns) {
            String type = c.typeName() == null ? "" : c.typeName().toUpperCase(Locale.ROOT);
            if (type.startsWith("ARRAY") || type.startsWith("MAP") || type.startsWith("STRUCT")) {
                throw new IllegalArgumentException("loadFormat=CSV cannot load the column " + c.name() + " (" + type
                        + "): CSV has no nested values; stage the rows as Maps (JSON) or use loadFormat=JSON or"
                        + " PARQUET");
            }
        }
    }

    private Void upload(Path local, String volumePath) throws AttemptFailedException {
        try {
            files.checkToken();
        } catch (RuntimeException e) {
            // no token (a refused OAuth refresh, say): classified as the credentials' failure it is
            throw new AttemptFailedException(ExecutionPhase.CONNECT, e);
        }
        try {
            files.upload(local, volumePath);
            return null;
        } catch (FilesApiException e) {
            throw new AttemptFailedException(ExecutionPhase.EXECUTE, e);
        }
    }

    private String copyInto(String folder, DatabricksLoadFormat format, List<String> staged) {
        String names = staged.stream().map(BulkLoader::literal).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("COPY INTO ").append(target.table()).append(" FROM ")
                .append(literal(folder)).append(" FILEFORMAT = ").append(format.name()).append(" FILES = (")
                .append(names).append(')');
        if (format == DatabricksLoadFormat.CSV) {
            sql.append(" FORMAT_OPTIONS ('header' = 'true')");
        }
        return sql.toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Removes the staged files; the load has succeeded, so a failure here is only worth a warning. */
    private void removeStaged(String folder, List<String> staged) {
        try {
            for (String name : staged) {
                files.delete(folder + "/" + name);
            }
            files.deleteFolder(folder);
        } catch (FilesApiException e) {
            LOG.warn("The rows are loaded, but the staging files in {} could not be removed: {}", folder,
                    e.getMessage());
        }
    }

    /**
     * The body as a local file if it is file content, copying a stream to {@code local}; null for rows. (The producer
     * has already turned a remote Camel file, FTP say, into an InputStream.)
     */
    private Path asFile(Object body, Path local) throws IOException {
        Object content = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        if (content instanceof File f) {
            return f.toPath();
        }
        if (content instanceof Path p) {
            return p;
        }
        Path copy = local.resolve("upload");
        if (content instanceof byte[] bytes) {
            return Files.write(copy, bytes);
        }
        if (content instanceof InputStream in) {
            // a stream can be read once; the local copy is what every upload attempt reads
            try (in) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
        return null;
    }

    private static Iterator<?> rows(Object body) {
        if (body instanceof Map<?, ?> row) {
            return List.of(row).iterator();
        }
        Iterator<?> rows = body == null || body instanceof String ? null : ObjectHelper.createIterator(body, null);
        if (rows == null) {
            throw new IllegalArgumentException("A databricks:load: endpoint expects rows (a List, Iterable, Iterator"
                    + " or stream of Maps or beans) or a file (an InputStream, byte[], File or Path in loadFormat),"
                    + " but the body is " + (body == null ? "null" : body.getClass().getName()));
        }
        return rows;
    }

    private static void deleteLocal(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the local staging files in {}: {}", directory, e.getMessage());
        }
    }
}
