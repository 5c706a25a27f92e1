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

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB errors into the error classes and SQLSTATEs a Databricks SQL warehouse reports. DuckDB's JDBC driver
 * gives no SQLSTATE, only an error-type prefix ({@code Catalog Error:}, {@code Parser Error:}, ...), so this table is
 * keyed on that prefix. This is the emulator's side; the component never parses messages like this.
 */
public final class DuckDbErrors {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern TABLE_MISSING = Pattern.compile("Table with name (\\S+) does not exist");
    private static final Pattern SCHEMA_MISSING = Pattern.compile("Schema with name (\\S+) does not exist");
    private static final Pattern CATALOG_MISSING = Pattern
            .compile("(?:Catalog with name (\\S+) does not exist|Catalog \"([^\"]+)\" does not exist)");
    private static final Pattern ALREADY_EXISTS = Pattern.compile("Table with name \"?([^\" ]+)\"? already exists");
    /** An error raised by {@link SparkMacros} through DuckDB's {@code error()}, already in Spark's words. */
    private static final Pattern RAISED = Pattern
            .compile("^Invalid Input Error: \\[([A-Z_.]+)\\] (.*) SQLSTATE: ([0-9A-Z]{5})$");
    private static final Pattern FUNCTION_MISSING = Pattern.compile("Function with name (\\S+) does not exist");

    private DuckDbErrors() {
    }

    public static WarehouseSqlException translate(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String firstLine = message.split("\n", 2)[0];
        if (firstLine.startsWith("Parser Error:")) {
            Matcher m = QUOTED.matcher(firstLine);
            String near = m.find() ? m.group(1) : "end of input";
            return WarehouseSqlException.parseError("Syntax error at or near '" + near + "'.");
        }
        Matcher m = RAISED.matcher(firstLine);
        if (m.find()) {
            return new WarehouseSqlException(m.group(1), m.group(3), m.group(2), false);
        }
        m = TABLE_MISSING.matcher(firstLine);
        if (m.find()) {
            return new WarehouseSqlException("TABLE_OR_VIEW_NOT_FOUND", "42P01", "The table or view `"
                    + unquote(m.group(1)) + "` cannot be found. Verify the spelling and correctness of the schema"
                    + " and catalog.", false);
        }
        m = SCHEMA_MISSING.matcher(firstLine);
        if (m.find()) {
            return new WarehouseSqlException("SCHEMA_NOT_FOUND", "42704",
                    "The schema `" + unquote(m.group(1)) + "` cannot be found.", false);
        }
        m = CATALOG_MISSING.matcher(firstLine);
        if (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            return new WarehouseSqlException("CATALOG_NOT_FOUND", "42704", "The catalog `"
                    + CatalogNames.toDatabricks(unquote(name)) + "` cannot be found.", false);
        }
        m = ALREADY_EXISTS.matcher(firstLine);
        if (m.find()) {
            return new WarehouseSqlException("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
                    "Cannot create table or view `" + unquote(m.group(1)) + "` because it already exists.", false);
        }
        m = FUNCTION_MISSING.matcher(firstLine);
        if (m.find()) {
            return new WarehouseSqlException("UNRESOLVED_ROUTINE", "42883",
                    "Cannot resolve routine `" + unquote(m.group(1)) + "`.", false);
        }
        if (firstLine.startsWith("Binder Error: Referenced column")) {
            Matcher q = QUOTED.matcher(firstLine);
            String column = q.find() ? q.group(1) : "?";
            return new WarehouseSqlException("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703", "A column, variable, or"
                    + " function parameter with name `" + column + "` cannot be resolved.", false);
        }
        String detail = stripPrefix(firstLine);
        if (firstLine.startsWith("Binder Error:")) {
            return new WarehouseSqlException("DATATYPE_MISMATCH", "42K09", detail, false);
        }
        if (firstLine.startsWith("Invalid Input Error:") && (firstLine.contains("JSON transform error")
                || firstLine.contains("Could not convert") || firstLine.contains("Failed to cast"))) {
            // a file value COPY INTO cannot convert to its column's type
            return new WarehouseSqlException("CAST_INVALID_INPUT", "22018", detail, false);
        }
        if (firstLine.startsWith("Conversion Error:")) {
            return new WarehouseSqlException("CAST_INVALID_INPUT", "22018", detail, false);
        }
        if (firstLine.startsWith("Out of Range Error:")) {
            return new WarehouseSqlException("ARITHMETIC_OVERFLOW", "22003", detail, false);
        }
        if (firstLine.startsWith("Constraint Error:")) {
            return new WarehouseSqlException("CONSTRAINT_VIOLATION", "23000", detail, false);
        }
        if (firstLine.startsWith("Not implemented Error:")) {
            return new WarehouseSqlException("UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE", "0A000", detail, false);
        }
        if (firstLine.startsWith("TransactionContext Error:") && firstLine.contains("onflict")) {
            // DuckDB's write-write conflict between concurrent transactions: on Delta, a concurrent commit
            return writeConflict();
        }
        if (firstLine.startsWith("Catalog Error:")) {
            return new WarehouseSqlException("INVALID_SQL_SYNTAX", "42000", detail, false);
        }
        return new WarehouseSqlException("INTERNAL_ERROR", "XX000", detail, false);
    }

    /**
     * A Delta write conflict as a Databricks SQL warehouse reports it: the error class and SQLSTATE 2D521 of
     * Databricks' DELTA_CONCURRENT_APPEND error condition; nothing of the statement was committed.
     */
    public static WarehouseSqlException writeConflict() {
        return new WarehouseSqlException("DELTA_CONCURRENT_APPEND.ROW_LEVEL_CHANGES", "2D521",
                "Transaction conflict detected. A concurrent UPDATE modified the same rows that this transaction"
                        + " attempted to modify. Please retry the operation.",
                false);
    }

    private static String stripPrefix(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 && colon < 30 ? line.substring(colon + 2) : line;
    }

    private static String unquote(String name) {
        String n = name.replace("\"", "");
        return n.endsWith("!") ? n.substring(0, n.length() - 1) : n;
    }
}
