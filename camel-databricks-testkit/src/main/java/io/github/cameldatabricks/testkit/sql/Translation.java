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
package io.github.cameldatabricks.testkit.sql;

import java.util.List;
import java.util.Set;

/**
 * The result of translating one Spark SQL statement.
 *
 * @param kind           what the session must do with it
 * @param duckSql        DuckDB statements to run, in order (the last one produces the result)
 * @param catalog        for {@link Kind#USE}: the new catalog (Databricks name), or null to keep it
 * @param schema         for {@link Kind#USE}: the new schema, or null to keep it
 * @param confKey        for {@link Kind#SET}: the key, or null to list all
 * @param confValue      for {@link Kind#SET}: the value, or null to show it
 * @param parameterNames named parameter markers ({@code :name}) in order of appearance, empty if positional
 * @param tables         tables the statement reads or writes, for the permission check
 * @param command        for {@link Kind#VOLUME}, {@link Kind#COPY_INTO} and {@link Kind#DESCRIBE}: the parsed
 *                       statement, else null
 */
public record Translation(Kind kind, List<String> duckSql, String catalog, String schema, String confKey,
        String confValue, List<String> parameterNames, Set<TableName> tables, Command command) {

    /** A translation that DuckDB runs as SQL, or a USE or SET. */
    public Translation(Kind kind, List<String> duckSql, String catalog, String schema, String confKey,
            String confValue, List<String> parameterNames, Set<TableName> tables) {
        this(kind, duckSql, catalog, schema, confKey, confValue, parameterNames, tables, null);
    }

    /** A statement the warehouse executes itself rather than as DuckDB SQL. */
    public static Translation of(Kind kind, Command command, Set<TableName> tables) {
        return new Translation(kind, List.of(), null, null, null, null, List.of(), tables, command);
    }

    /** What kind of statement this is. */
    public enum Kind {
        /** Returns rows. */
        QUERY,
        /** INSERT, UPDATE, DELETE, MERGE: returns {@code num_affected_rows}. */
        DML,
        /** DDL and other commands: an empty result. */
        COMMAND,
        /** Changes the current catalog and/or schema. */
        USE,
        /** Sets or shows a session configuration. */
        SET,
        /** CREATE VOLUME, DROP VOLUME, SHOW VOLUMES: a {@link VolumeCommand}. */
        VOLUME,
        /** COPY INTO a table from files in a volume: a {@link CopyIntoCommand}. */
        COPY_INTO,
        /** DESCRIBE TABLE: a {@link DescribeCommand}. */
        DESCRIBE
    }

    /** A statement parsed for the warehouse to execute itself. */
    public sealed interface Command permits VolumeCommand, CopyIntoCommand, DescribeCommand {
    }
}
