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
package io.github.cameldatabricks.testkit.thrift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.cameldatabricks.testkit.sql.CatalogNames;
import io.github.cameldatabricks.testkit.sql.DuckDbEngine;

/**
 * The metadata RPCs behind {@code DatabaseMetaData} ({@code GetCatalogs}, {@code GetSchemas}, {@code GetTables},
 * {@code GetColumns}), answered in the Hive column layouts the driver reads by position.
 */
final class MetadataQueries {

    private static final String CATALOG_NAME = "CASE WHEN database_name IN ('dbx_main', 'dbx_system', 'dbx_temp',"
            + " 'dbx_memory') THEN substr(database_name, 5) ELSE database_name END";
    private static final String VISIBLE = "database_name NOT IN ('memory', 'temp', 'system')"
            + " AND schema_name NOT IN ('main', 'information_schema', 'pg_catalog')";

    private final DuckDbEngine engine;

    MetadataQueries(DuckDbEngine engine) {
        this.engine = engine;
    }

    RowSource catalogs() throws SQLException {
        return query(List.of(ResultColumn.of("TABLE_CAT", ColumnType.STRING)),
                "SELECT " + CATALOG_NAME + " FROM duckdb_databases() WHERE NOT internal"
                        + " AND database_name NOT IN ('memory', 'temp', 'system') ORDER BY 1");
    }

    RowSource schemas(String catalog, String schemaPattern) throws SQLException {
        return query(List.of(ResultColumn.of("TABLE_SCHEM", ColumnType.STRING),
                ResultColumn.of("TABLE_CATALOG", ColumnType.STRING)),
                "SELECT schema_name, " + CATALOG_NAME + " FROM duckdb_schemas() WHERE " + VISIBLE
                        + catalogFilter(catalog) + " AND schema_name ILIKE ? ORDER BY 2, 1",
                like(schemaPattern));
    }

    RowSource tables(String catalog, String schemaPattern, String tablePattern, List<String> types)
            throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        for (String name : List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION")) {
            columns.add(ResultColumn.of(name, ColumnType.STRING));
        }
        String typeFilter = "";
        if (types != null && !types.isEmpty()) {
            StringBuilder in = new StringBuilder();
            for (String t : types) {
                in.append(in.length() == 0 ? "" : ", ").append(CatalogNames.literal(t.toUpperCase(Locale.ROOT)));
            }
            typeFilter = " AND table_type IN (" + in + ")";
        }
        return query(columns, "SELECT * FROM (SELECT " + CATALOG_NAME + " AS cat, schema_name, table_name,"
                + " 'TABLE' AS table_type, comment, NULL, NULL, NULL, NULL, NULL FROM duckdb_tables() WHERE " + VISIBLE
                + catalogFilter(catalog) + " UNION ALL SELECT " + CATALOG_NAME + ", schema_name, view_name, 'VIEW',"
                + " comment, NULL, NULL, NULL, NULL, NULL FROM duckdb_views() WHERE NOT internal AND " + VISIBLE
                + catalogFilter(catalog) + ") WHERE schema_name ILIKE ? AND table_name ILIKE ?" + typeFilter
                + " ORDER BY 4, 1, 2, 3", like(schemaPattern), like(tablePattern));
    }

    RowSource columns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        String[][] layout = { { "TABLE_CAT", "S" }, { "TABLE_SCHEM", "S" }, { "TABLE_NAME", "S" },
                { "COLUMN_NAME", "S" }, { "DATA_TYPE", "I" }, { "TYPE_NAME", "S" }, { "COLUMN_SIZE", "I" },
                { "BUFFER_LENGTH", "T" }, { "DECIMAL_DIGITS", "I" }, { "NUM_PREC_RADIX", "I" }, { "NULLABLE", "I" },
                { "REMARKS", "S" }, { "COLUMN_DEF", "S" }, { "SQL_DATA_TYPE", "I" }, { "SQL_DATETIME_SUB", "I" },
                { "CHAR_OCTET_LENGTH", "I" }, { "ORDINAL_POSITION", "I" }, { "IS_NULLABLE", "S" },
                { "SCOPE_CATALOG", "S" }, { "SCOPE_SCHEMA", "S" }, { "SCOPE_TABLE", "S" }, { "SOURCE_DATA_TYPE", "H" },
                { "IS_AUTO_INCREMENT", "S" } };
        for (String[] c : layout) {
            columns.add(ResultColumn.of(c[0], switch (c[1]) {
                case "I" -> ColumnType.INT;
                case "H" -> ColumnType.SMALLINT;
                // TINYINT, as the Spark/Hive thrift server declares it (GetColumnsOperation.RESULT_SET_SCHEMA)
                case "T" -> ColumnType.fromDuck("TINYINT");
                default -> ColumnType.STRING;
            }));
        }
        List<Object[]> rows = new ArrayList<>();
        String sql = "SELECT " + CATALOG_NAME + ", schema_name, table_name, column_name, data_type, is_nullable,"
                + " column_index, numeric_precision, numeric_scale FROM duckdb_columns() WHERE NOT internal AND "
                + VISIBLE + catalogFilter(catalog) + " AND schema_name ILIKE ? AND table_name ILIKE ?"
                + " AND column_name ILIKE ? ORDER BY 1, 2, 3, column_index";
        try (Connection c = engine.openConnection("main", "default"); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, like(schemaPattern));
            ps.setString(2, like(tablePattern));
            ps.setString(3, like(columnPattern));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ColumnType type = ColumnType.fromDuck(rs.getString(5));
                    boolean nullable = rs.getBoolean(6);
                    rows.add(new Object[]{ rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            jdbcType(type), type.sparkName(), type.precision() > 0 ? type.precision() : null, null,
                            type.precision() > 0 ? type.scale() : null, 10, nullable ? 1 : 0, "", null, null, null,
                            null,
                            rs.getInt(7), nullable ? "YES" : "NO", null, null, null, null, "NO" });
                }
            }
        }
        return new ListRowSource(columns, rows);
    }

    private static int jdbcType(ColumnType type) {
        return switch (type.typeId()) {
            case BOOLEAN_TYPE -> Types.BOOLEAN;
            case TINYINT_TYPE -> Types.TINYINT;
            case SMALLINT_TYPE -> Types.SMALLINT;
            case INT_TYPE -> Types.INTEGER;
            case BIGINT_TYPE -> Types.BIGINT;
            case FLOAT_TYPE -> Types.FLOAT;
            case DOUBLE_TYPE -> Types.DOUBLE;
            case DECIMAL_TYPE -> Types.DECIMAL;
            case DATE_TYPE -> Types.DATE;
            case TIMESTAMP_TYPE -> Types.TIMESTAMP;
            case BINARY_TYPE -> Types.BINARY;
            // as Spark's thrift server (SparkGetColumnsOperation.toJavaSQLType) and the Python connector's e2e
            // suite (test_get_columns: 2002 STRUCT, 2000 MAP, 2003 ARRAY) report them
            case ARRAY_TYPE -> Types.ARRAY;
            case MAP_TYPE -> Types.JAVA_OBJECT;
            case STRUCT_TYPE -> Types.STRUCT;
            case NULL_TYPE -> Types.NULL;
            default -> Types.VARCHAR;
        };
    }

    private static String catalogFilter(String catalog) {
        if (catalog == null || catalog.isEmpty() || catalog.equals("%") || catalog.equals("*")) {
            return "";
        }
        return " AND database_name = " + CatalogNames.literal(CatalogNames.toDuck(catalog));
    }

    /** JDBC patterns use % and _; Databricks also accepts * as a wildcard. */
    private static String like(String pattern) {
        return pattern == null || pattern.isEmpty() ? "%" : pattern.replace('*', '%');
    }

    private RowSource query(List<ResultColumn> columns, String sql, String... params) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = engine.openConnection("main", "default"); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return new ListRowSource(columns, rows);
    }
}
