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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Rewrites a newline-delimited JSON file, streaming, so that DuckDB can load it exactly into the target table: keys
 * take the table's spelling of the column they match (Databricks matches names case-insensitively), and numbers bound
 * for DECIMAL columns become strings holding their original text. DuckDB's JSON reader parses every number as a double
 * before converting it, which loses digits beyond about 15; a string cast to DECIMAL does not. Also finds the keys the
 * file uses, and reports a key the table does not have as a schema mismatch.
 */
final class JsonNormalizer {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonNormalizer() {
    }

    /**
     * Writes the normalised copy of {@code source} to {@code target}; returns the table columns the file has keys for,
     * in order of first appearance. Stops at the first record with a key the table does not have.
     */
    static Set<String> normalize(Path source, Path target, TargetTable table, String fileName)
            throws IOException, WarehouseSqlException {
        Set<String> present = new LinkedHashSet<>();
        Set<String> unknown = new TreeSet<>();
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = Files.newOutputStream(target);
                JsonParser parser = JSON.createParser(in);
                JsonGenerator generator = JSON.createGenerator(out)) {
            generator.setRootValueSeparator(new SerializedString("\n"));
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw CopyIntoErrors.malformedRecord(fileName, "expected one JSON object per line but found "
                            + token + " at line " + parser.currentLocation().getLineNr() + ".");
                }
                generator.writeStartObject();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    Optional<TargetTable.Column> column = table.column(key);
                    if (column.isEmpty()) {
                        unknown.add(key);
                        parser.skipChildren();
                        continue;
                    }
                    TargetTable.Column c = column.get();
                    present.add(c.name());
                    generator.writeFieldName(c.name());
                    if (c.isDecimal()
                            && (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)) {
                        generator.writeString(parser.getText());
                    } else {
                        generator.copyCurrentStructure(parser);
                    }
                }
                if (!unknown.isEmpty()) {
                    throw CopyIntoErrors.schemaMismatch(table.name(), unknown, fileName);
                }
                generator.writeEndObject();
            }
        } catch (JsonProcessingException e) {
            throw CopyIntoErrors.malformedRecord(fileName, e.getOriginalMessage());
        }
        return present;
    }
}
