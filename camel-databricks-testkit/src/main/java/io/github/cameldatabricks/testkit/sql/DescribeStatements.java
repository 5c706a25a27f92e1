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
 * {@code DESCRIBE [TABLE] [EXTENDED] name}: one row per column with Spark's columns {@code col_name}, {@code data_type}
 * (Spark's {@code catalogString}: {@code int}, {@code array<string>}, {@code struct<name:string,age:int>}) and
 * {@code comment}. A missing table fails as a query of it would ({@code TABLE_OR_VIEW_NOT_FOUND}).
 */
final class DescribeStatements {

    private DescribeStatements() {
    }

    /** True if the statement describes a table (not a query, function, schema, ...). */
    static boolean isDescribeTable(List<SqlToken> tokens) {
        if (tokens.size() < 2) {
            return false;
        }
        SqlToken second = tokens.get(1);
        if (second.isWord("TABLE")) {
            return true;
        }
        for (String other : List.of("SELECT", "WITH", "VALUES", "FROM", "QUERY", "FUNCTION", "CATALOG", "SCHEMA",
                "DATABASE", "VOLUME", "HISTORY", "DETAIL")) {
            if (second.isWord(other)) {
                return false;
            }
        }
        return second.isIdentifier();
    }

    static Translation translate(List<SqlToken> tokens, SessionContext ctx) throws WarehouseSqlException {
        int i = 1;
        if (tokens.get(i).isWord("TABLE")) {
            i++;
        }
        if (i < tokens.size() - 1 && (tokens.get(i).isWord("EXTENDED") || tokens.get(i).isWord("FORMATTED"))) {
            i++;
        }
        List<String> parts = SparkSqlTranslator.dotted(tokens, i);
        if (i + 2 * parts.size() - 1 < tokens.size()) {
            throw WarehouseSqlException.unsupported("DESCRIBE of a column or partition");
        }
        String table = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : ctx.schema();
        String catalog = parts.size() >= 3 ? parts.get(parts.size() - 3) : ctx.catalog();
        String duckCatalog = CatalogNames.toDuck(catalog);
        String qualified = CatalogNames.quote(duckCatalog) + "." + CatalogNames.quote(schema) + "."
                + CatalogNames.quote(table);
        String columns = "SELECT column_name AS col_name, data_type, comment"
                + " FROM duckdb_columns() WHERE database_name = " + CatalogNames.literal(duckCatalog)
                + " AND lower(schema_name) = lower(" + CatalogNames.literal(schema) + ")"
                + " AND lower(table_name) = lower(" + CatalogNames.literal(table) + ") ORDER BY column_index";
        return Translation.of(Translation.Kind.DESCRIBE,
                new DescribeCommand("SELECT * FROM " + qualified + " LIMIT 0", columns),
                Set.of(new TableName(catalog, schema, table)));
    }
}
