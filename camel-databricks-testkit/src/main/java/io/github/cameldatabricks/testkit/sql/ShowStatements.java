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
 * {@code SHOW CATALOGS}, {@code SHOW SCHEMAS} and {@code SHOW TABLES}, answered from DuckDB's catalog functions with
 * the column names Databricks uses; {@code SHOW VOLUMES} is parsed by {@link VolumeStatements}.
 */
final class ShowStatements {

    /** SQL expression turning a DuckDB database name back into the Databricks catalog name. */
    static final String CATALOG_NAME_SQL = "CASE WHEN database_name IN ('dbx_main', 'dbx_system', 'dbx_temp',"
            + " 'dbx_memory') THEN substr(database_name, 5) ELSE database_name END";
    /** DuckDB-internal databases and schemas that do not exist on Databricks. */
    static final String VISIBLE_DATABASES = "NOT internal AND database_name NOT IN ('memory', 'temp', 'system')";
    static final String HIDDEN_SCHEMAS = "('main', 'information_schema', 'pg_catalog')";

    private ShowStatements() {
    }

    static Translation translate(List<SqlToken> tokens, SessionContext ctx) throws WarehouseSqlException {
        String what = tokens.size() > 1 ? tokens.get(1).text().toUpperCase(java.util.Locale.ROOT) : "";
        String sql;
        switch (what) {
            case "CATALOGS" -> sql = "SELECT " + CATALOG_NAME_SQL + " AS catalog FROM duckdb_databases() WHERE "
                    + VISIBLE_DATABASES + " ORDER BY 1";
            case "SCHEMAS", "DATABASES" -> {
                String catalog = tokens.size() > 3 ? SparkSqlTranslator.name(tokens, 3) : ctx.catalog();
                sql = "SELECT schema_name AS databaseName FROM duckdb_schemas() WHERE database_name = "
                        + CatalogNames.literal(CatalogNames.toDuck(catalog)) + " AND schema_name NOT IN "
                        + HIDDEN_SCHEMAS + " ORDER BY 1";
            }
            case "TABLES" -> {
                String catalog = ctx.catalog();
                String schema = ctx.schema();
                if (tokens.size() > 3) {
                    List<String> parts = SparkSqlTranslator.dotted(tokens, 3);
                    schema = parts.get(parts.size() - 1);
                    if (parts.size() == 2) {
                        catalog = parts.get(0);
                    }
                }
                String filter = " WHERE database_name = " + CatalogNames.literal(CatalogNames.toDuck(catalog))
                        + " AND schema_name = " + CatalogNames.literal(schema);
                sql = "SELECT schema_name AS database, table_name AS tableName, false AS isTemporary FROM ("
                        + "SELECT database_name, schema_name, table_name FROM duckdb_tables()" + filter
                        + " UNION ALL SELECT database_name, schema_name, view_name FROM duckdb_views()" + filter
                        + ") ORDER BY 2";
            }
            case "VOLUMES" -> {
                return VolumeStatements.show(tokens, ctx);
            }
            default -> throw WarehouseSqlException.unsupported("SHOW " + what);
        }
        return new Translation(Translation.Kind.QUERY, List.of(sql), null, null, null, null, List.of(), Set.of());
    }
}
