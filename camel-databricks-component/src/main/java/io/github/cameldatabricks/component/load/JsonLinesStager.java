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

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.github.cameldatabricks.component.sql.TableColumn;

/**
 * Writes rows as newline-delimited JSON files of at most {@code fileRows} rows each, reading the rows one at a time so
 * that memory stays bounded whatever the size of the body (and, as the loader uploads and deletes each file before it
 * writes the next, local disk too).
 *
 * <p>
 * Why JSON Lines: it streams with Jackson (already on the classpath through databricks-sdk-java), keeps NULL apart from
 * the empty string and numbers apart from text (CSV does neither), carries nested values for STRUCT, MAP and ARRAY
 * columns, and COPY INTO reads it natively. Parquet would type every value too, but writing it needs the Hadoop-based
 * Parquet writer (tens of megabytes of dependencies) in every route that loads data.
 */
final class JsonLinesStager {

    private static final JsonFactory JSON = new JsonFactory();

    private final String table;
    private final Map<String, String> columnsByLowerName = new LinkedHashMap<>();
    private final int fileRows;
    private int files;
    private long rowIndex;

    JsonLinesStager(String table, List<TableColumn> columns, int fileRows) {
        this.table = table;
        for (TableColumn c : columns) {
            columnsByLowerName.put(c.name().toLowerCase(Locale.ROOT), c.name());
        }
        this.fileRows = fileRows;
    }

    /**
     * Writes the next file of at most fileRows rows into {@code directory}; call while {@code rows.hasNext()}. One
     * stager serves one load: it numbers the files and counts the rows across calls.
     *
     * @param toMap turns a row (a Map, or a bean) into column values
     * @throws IllegalArgumentException naming the row whose keys are not columns of the table
     */
    StagedFile next(Iterator<?> rows, Path directory, Function<Object, Map<?, ?>> toMap) throws IOException {
        String name = String.format(Locale.ROOT, "part-%05d.json", files++);
        Path file = directory.resolve(name);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator json = JSON.createGenerator(out)) {
            json.setRootValueSeparator(null);
            while (written < fileRows && rows.hasNext()) {
                writeRow(json, rows.next(), toMap, rowIndex);
                written++;
                rowIndex++;
            }
        }
        return new StagedFile(file, name, written);
    }

    private void writeRow(JsonGenerator json, Object row, Function<Object, Map<?, ?>> toMap, long index)
            throws IOException {
        if (row == null) {
            throw new IllegalArgumentException("Row " + index + " of the body is null: a load expects every element"
                    + " to be a Map of column values or a bean");
        }
        Map<?, ?> values = toMap.apply(row);
        json.writeStartObject();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String key = String.valueOf(e.getKey());
            String column = columnsByLowerName.get(key.toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new IllegalArgumentException("Row " + index + " has the key '" + abbreviate(key) + "', which is"
                        + " not a column of " + table + " (its columns: " + String.join(", ",
                                columnsByLowerName.values())
                        + ")");
            }
            json.writeFieldName(column);
            JsonValues.write(json, e.getValue());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
