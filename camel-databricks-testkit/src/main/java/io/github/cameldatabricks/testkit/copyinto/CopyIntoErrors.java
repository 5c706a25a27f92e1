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

import java.util.Collection;

import io.github.cameldatabricks.testkit.sql.TableName;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * The errors COPY INTO reports, with the error classes and SQLSTATEs of a Databricks warehouse. All are reported
 * through the operation state (not on ExecuteStatement), as analysis and execution errors are.
 */
final class CopyIntoErrors {

    private CopyIntoErrors() {
    }

    /** Same wording as the dialect layer's mapping of DuckDB's missing-table error. */
    static WarehouseSqlException tableNotFound(TableName table) {
        return new WarehouseSqlException("TABLE_OR_VIEW_NOT_FOUND", "42P01", "The table or view `" + table
                + "` cannot be found. Verify the spelling and correctness of the schema and catalog.", false);
    }

    /**
     * Apache Spark's error-conditions.json: {@code "PATH_NOT_FOUND" : {"message" : ["Path does not exist: <path>."],
     * "sqlState" : "42K03"}}.
     */
    static WarehouseSqlException pathNotFound(String path) {
        return new WarehouseSqlException("PATH_NOT_FOUND", "42K03", "Path does not exist: " + path + ".", false);
    }

    /**
     * A source column the table does not have, without {@code mergeSchema}: Delta's schema enforcement. Databricks
     * reports {@code [DELTA_METADATA_MISMATCH] A schema mismatch detected when writing to the Delta table.} (as quoted
     * in user reports) and documents DELTA_METADATA_MISMATCH with SQLSTATE 42KDG
     * (docs.databricks.com/aws/en/error-messages/delta-metadata-mismatch-error-class).
     */
    static WarehouseSqlException schemaMismatch(TableName table, Collection<String> extraColumns, String file) {
        return new WarehouseSqlException("DELTA_METADATA_MISMATCH", "42KDG", "A schema mismatch detected when"
                + " writing to the Delta table `" + table + "`: the data in " + file + " has the column(s) "
                + String.join(", ", extraColumns.stream().map(c -> "`" + c + "`").toList()) + " that the table"
                + " does not have. To enable schema migration set COPY_OPTIONS ('mergeSchema' = 'true'), which"
                + " LocalWarehouse does not support; add the columns with ALTER TABLE instead.", false);
    }

    /** A path that is not in a Unity Catalog volume: LocalWarehouse has no other storage. */
    static WarehouseSqlException notAVolumePath(String path) {
        return new WarehouseSqlException("UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE", "0A000", "LocalWarehouse loads"
                + " COPY INTO sources only from Unity Catalog volumes (/Volumes/<catalog>/<schema>/<volume>/...),"
                + " not from '" + path + "'.", false);
    }

    static WarehouseSqlException invalidParameter(String message) {
        return new WarehouseSqlException("INVALID_PARAMETER_VALUE", "22023", message, false);
    }

    /** Spark's error-conditions.json: MALFORMED_RECORD_IN_PARSING, SQLSTATE 22023. */
    static WarehouseSqlException malformedRecord(String file, String detail) {
        return new WarehouseSqlException("MALFORMED_RECORD_IN_PARSING", "22023", "Malformed records are detected in"
                + " record parsing of " + file + ": " + detail, false);
    }
}
