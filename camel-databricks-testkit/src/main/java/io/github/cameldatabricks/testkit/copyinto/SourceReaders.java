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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import io.github.cameldatabricks.testkit.sql.CatalogNames;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Builds the DuckDB INSERT that loads one file into the target table: columns matched by name (ignoring case), table
 * columns the file lacks left NULL, values converted to the column types. Timestamps are read as the instant they
 * denote (an offset such as {@code Z} or {@code +02:00} is applied; the session time zone is UTC); JSON binary values
 * are base64 strings; JSON decimals keep every digit (see {@link JsonNormalizer}).
 */
final class SourceReaders {

    private SourceReaders() {
    }

    /**
     * The INSERT for one file.
     *
     * @param scratch for JSON: a file to write the normalised copy to (the caller deletes it); else unused
     */
    static String insert(Connection connection, String format, SourceFiles.SourceFile file, TargetTable table,
            Map<String, String> options, Path scratch) throws IOException, SQLException, WarehouseSqlException {
        return switch (format) {
            case "JSON" -> json(file, table, scratch);
            case "CSV" -> csv(connection, file, table, options);
            case "PARQUET" -> parquet(connection, file, table);
            default -> throw new IllegalArgumentException("format " + format);
        };
    }

    private static String json(SourceFiles.SourceFile file, TargetTable table, Path scratch)
            throws IOException, WarehouseSqlException {
        Set<String> present = JsonNormalizer.normalize(file.local(), scratch, table, file.path().toString());
        String path = CatalogNames.literal(scratch.toString());
        if (present.isEmpty()) {
            // objects without any known key: rows of NULLs
            return "INSERT INTO " + table.quotedName() + " (" + table.columns().get(0).quoted()
                    + ") SELECT NULL FROM read_json_objects(" + path + ", format='newline_delimited')";
        }
        StringJoiner types = new StringJoiner(", ", "{", "}");
        Map<TargetTable.Column, String> select = new LinkedHashMap<>();
        for (TargetTable.Column c : table.columns()) {
            if (present.contains(c.name())) {
                String readType = c.isDecimal() || c.isBinary() ? "VARCHAR" : c.isTimestamp() ? "TIMESTAMPTZ"
                        : c.duckType();
                types.add(CatalogNames.literal(c.name()) + ": " + CatalogNames.literal(readType));
                select.put(c, c.isBinary() ? "from_base64(" + c.quoted() + ")" : convert(c.quoted(), c));
            }
        }
        return insert(table, select, "read_json(" + path + ", format='newline_delimited', columns=" + types + ")");
    }

    private static String csv(Connection connection, SourceFiles.SourceFile file, TargetTable table,
            Map<String, String> options) throws SQLException, WarehouseSqlException {
        boolean header = "true".equalsIgnoreCase(options.getOrDefault("header", "false"));
        StringBuilder reader = new StringBuilder("read_csv(").append(CatalogNames.literal(file.local().toString()))
                .append(", header=").append(header).append(", all_varchar=true");
        String delimiter = options.getOrDefault("sep", options.get("delimiter"));
        if (delimiter != null) {
            reader.append(", delim=").append(CatalogNames.literal(delimiter));
        }
        if (options.containsKey("quote")) {
            reader.append(", quote=").append(CatalogNames.literal(options.get("quote")));
        }
        if (options.containsKey("escape")) {
            reader.append(", escape=").append(CatalogNames.literal(options.get("escape")));
        }
        if (options.containsKey("nullvalue")) {
            reader.append(", nullstr=").append(CatalogNames.literal(options.get("nullvalue")));
        }
        reader.append(')');
        List<String> sourceColumns = describe(connection, reader.toString());
        Map<TargetTable.Column, String> select = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            // without a header Spark names the columns _c0, _c1, ...
            String name = header ? sourceColumns.get(i) : "_c" + i;
            String quotedSource = CatalogNames.quote(sourceColumns.get(i));
            table.column(name).ifPresentOrElse(c -> select.put(c, convert(quotedSource, c)), () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw CopyIntoErrors.schemaMismatch(table.name(), unknown, file.path().toString());
        }
        return insert(table, select, reader.toString());
    }

    private static String parquet(Connection connection, SourceFiles.SourceFile file, TargetTable table)
            throws SQLException, WarehouseSqlException {
        String reader = "read_parquet(" + CatalogNames.literal(file.local().toString()) + ")";
        Map<TargetTable.Column, String> select = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String name : describe(connection, reader)) {
            String quotedSource = CatalogNames.quote(name);
            table.column(name).ifPresentOrElse(c -> select.put(c, convert(quotedSource, c)), () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw CopyIntoErrors.schemaMismatch(table.name(), unknown, file.path().toString());
        }
        return insert(table, select, reader);
    }

    /** A source value cast to the column's type; timestamps through TIMESTAMPTZ so that an offset is applied. */
    private static String convert(String source, TargetTable.Column column) {
        if (column.isTimestamp()) {
            String instant = "CAST(" + source + " AS TIMESTAMPTZ)";
            return column.duckType().toUpperCase(Locale.ROOT).contains("TIME ZONE") ? instant
                    : "CAST(" + instant + " AS " + column.duckType() + ")";
        }
        return "CAST(" + source + " AS " + column.duckType() + ")";
    }

    private static String insert(TargetTable table, Map<TargetTable.Column, String> select, String from) {
        if (select.isEmpty()) {
            return "INSERT INTO " + table.quotedName() + " (" + table.columns().get(0).quoted() + ") SELECT NULL FROM "
                    + from;
        }
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        select.forEach((c, expression) -> {
            columns.add(c.quoted());
            values.add(expression);
        });
        return "INSERT INTO " + table.quotedName() + " (" + columns + ") SELECT " + values + " FROM " + from;
    }

    private static List<String> describe(Connection connection, String reader) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM "
                        + reader)) {
            while (rs.next()) {
                names.add(rs.getString("column_name"));
            }
        }
        return names;
    }
}
