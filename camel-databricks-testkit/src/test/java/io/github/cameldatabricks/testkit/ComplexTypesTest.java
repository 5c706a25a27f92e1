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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.databricks.jdbc.api.impl.DatabricksResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * ARRAY, MAP, STRUCT and NULL columns as databricks-jdbc 3.4.5 reads them from a warehouse: native Arrow vectors (it
 * asks for {@code complexTypesAsArrow} and {@code nullTypeAsArrow}) named by {@code Spark:DataType:SqlName}, or a
 * column-based set typed by the Thrift type id; values as text by default, as {@code java.sql.Array}, {@code Struct}
 * and {@code Map} with {@code EnableComplexDatatypeSupport=1}.
 */
class ComplexTypesTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static LocalWarehouse columnBased;

    /** The Python connector's e2e GetColumns columns, then nesting and NULLs inside and around. */
    private static final String QUERY = "SELECT named_struct('name', 'alice', 'age', 28) AS col_3,"
            + " map('items', 45, 'cost', 228) AS col_4, array('item1', 'item2', NULL) AS col_5, NULL AS n,"
            + " array(array(1, 2), array(3)) AS nested,"
            + " named_struct('inner', named_struct('x', CAST(1.5 AS DOUBLE)), 'tags', array('a')) AS deep,"
            + " map('k', array(1, NULL), 'z', NULL) AS map_of_arrays";

    private static final List<String> ARROW_TYPE_NAMES = List.of("STRUCT<name: STRING, age: INT>",
            "MAP<STRING, INT>", "ARRAY<STRING>", "VOID", "ARRAY<ARRAY<INT>>",
            "STRUCT<inner: STRUCT<x: DOUBLE>, tags: ARRAY<STRING>>", "MAP<STRING, ARRAY<INT>>");

    /** The JDBC types the driver reports: it types MAP as VARCHAR and VOID as VARCHAR (DatabricksTypeUtil). */
    private static final List<Integer> JDBC_TYPES = List.of(Types.STRUCT, Types.VARCHAR, Types.ARRAY,
            Types.VARCHAR, Types.ARRAY, Types.STRUCT, Types.VARCHAR);

    private static final List<Object> TEXT_VALUES = Arrays.asList("{\"name\":\"alice\",\"age\":28}",
            "{\"items\":45,\"cost\":228}", "[\"item1\",\"item2\",null]", null, "[[1,2],[3]]",
            "{\"inner\":{\"x\":1.5},\"tags\":[\"a\"]}", "{\"k\":[1,null],\"z\":null}");

    @BeforeAll
    static void startColumnBased() {
        columnBased = LocalWarehouse.builder().sampleRows(0).arrowResults(false).build().start();
    }

    @AfterAll
    static void stopColumnBased() {
        columnBased.close();
    }

    @Test
    void arrowResultsNameColumnsBySparksTypeAndReadAsText() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            assertThat(typeNames(rs)).isEqualTo(ARROW_TYPE_NAMES);
            assertThat(jdbcTypes(rs)).isEqualTo(JDBC_TYPES);
            assertThat(rs.next()).isTrue();
            assertThat(objects(rs)).isEqualTo(TEXT_VALUES);
            assertThat(rs.getString(1)).isEqualTo(TEXT_VALUES.get(0));
            assertThat(rs.getString(3)).isEqualTo(TEXT_VALUES.get(2));
        }
    }

    @Test
    void columnBasedResultsNameColumnsByTheirThriftTypeAndCarryTheSameText() throws Exception {
        try (Connection c = Jdbc.connect(columnBased, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            // no Arrow schema: the driver names a column after its TTypeId (DatabricksThriftUtil)
            assertThat(typeNames(rs)).containsExactly("STRUCT", "MAP", "ARRAY", "NULL", "ARRAY", "STRUCT", "MAP");
            assertThat(jdbcTypes(rs)).isEqualTo(JDBC_TYPES);
            assertThat(rs.next()).isTrue();
            assertThat(objects(rs)).isEqualTo(TEXT_VALUES);
        }
    }

    @Test
    void withComplexDatatypeSupportArrowValuesAreArraysStructsAndMaps() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ";EnableComplexDatatypeSupport=1");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            assertThat(rs.next()).isTrue();
            Struct person = (Struct) rs.getObject(1);
            assertThat(person.getAttributes()).containsExactly("alice", 28);
            Map<?, ?> costs = ((DatabricksResultSet) rs).getMap(2);
            assertThat(new java.util.HashMap<>(costs)).isEqualTo(Map.of("items", 45, "cost", 228));
            Array items = rs.getArray(3);
            assertThat((Object[]) items.getArray()).containsExactly("item1", "item2", null);
            assertThat(rs.getObject(4)).isNull();
            Object[] nested = (Object[]) rs.getArray(5).getArray();
            assertThat((Object[]) ((Array) nested[0]).getArray()).containsExactly(1, 2);
            assertThat((Object[]) ((Array) nested[1]).getArray()).containsExactly(3);
            Object[] deep = ((Struct) rs.getObject(6)).getAttributes();
            assertThat(((Struct) deep[0]).getAttributes()).containsExactly(1.5d);
            assertThat((Object[]) ((Array) deep[1]).getArray()).containsExactly("a");
        }
    }

    @Test
    void wholeNullComplexValuesAreNull() throws Exception {
        String sql = "SELECT CASE WHEN 1 = 0 THEN array(1) END a, CASE WHEN 1 = 0 THEN map('k', 1) END m,"
                + " CASE WHEN 1 = 0 THEN named_struct('x', 1) END s";
        for (LocalWarehouse warehouse : List.of(WAREHOUSE.warehouse(), columnBased)) {
            try (Connection c = Jdbc.connect(warehouse, "")) {
                assertThat(Jdbc.query(c, sql)).containsExactly(Arrays.asList(null, null, null));
            }
        }
    }

    @Test
    void getColumnsAndDescribeSpellComplexColumnsAsSparkDoes() throws Exception {
        String table = Jdbc.uniqueTable("complex");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT, col_3 STRUCT<name: STRING, age: INT>,"
                    + " col_4 MAP<STRING, INT>, col_5 ARRAY<STRING>, deep ARRAY<STRUCT<`x y`: DECIMAL(10,2)>>)");
            // TYPE_NAME is the server's (Spark's DataType.sql, as the Python connector's e2e test_get_columns
            // expects); databricks-jdbc derives DATA_TYPE itself from it, ignoring the server's (2002, 2000, 2003):
            // VARCHAR unless complex support is on, and then STRUCT for a MAP too (MetadataResultSetBuilder#getCode)
            assertThat(columns(c, table)).containsExactly("id 4 INT", "col_3 12 STRUCT<name: STRING, age: INT>",
                    "col_4 12 MAP<STRING, INT>", "col_5 12 ARRAY<STRING>",
                    "deep 12 ARRAY<STRUCT<`x y`: DECIMAL(10,2)>>");
            try (Connection complex = Jdbc.connect(WAREHOUSE.warehouse(), ";EnableComplexDatatypeSupport=1")) {
                assertThat(columns(complex, table)).containsExactly("id 4 INT",
                        "col_3 2002 STRUCT<name: STRING, age: INT>", "col_4 2002 MAP<STRING, INT>",
                        "col_5 2003 ARRAY<STRING>", "deep 2003 ARRAY<STRUCT<`x y`: DECIMAL(10,2)>>");
            }
            assertThat(Jdbc.query(c, "DESCRIBE TABLE " + table)).extracting(r -> r.get(0) + " " + r.get(1))
                    .containsExactly("id int", "col_3 struct<name:string,age:int>", "col_4 map<string,int>",
                            "col_5 array<string>", "deep array<struct<`x y`:decimal(10,2)>>");
        }
    }

    @Test
    void tableValuesRoundTripInBothFormats() throws Exception {
        String table = Jdbc.uniqueTable("complexrows");
        String create = "CREATE TABLE " + table + " (id INT, tags ARRAY<STRING>, attrs MAP<STRING, STRING>,"
                + " who STRUCT<name: STRING, age: INT>)";
        String insert = "INSERT INTO " + table + " VALUES (1, array('a', NULL), map('k', 'v', 'n', NULL),"
                + " named_struct('name', 'bob', 'age', NULL)), (2, NULL, NULL, NULL)";
        for (LocalWarehouse warehouse : List.of(WAREHOUSE.warehouse(), columnBased)) {
            try (Connection c = Jdbc.connect(warehouse, "")) {
                Jdbc.update(c, create);
                Jdbc.update(c, insert);
                List<List<Object>> rows = Jdbc.query(c, "SELECT tags, attrs, who FROM " + table + " ORDER BY id");
                assertThat(rows.get(0).subList(0, 2)).containsExactly("[\"a\",null]", "{\"k\":\"v\",\"n\":null}");
                assertThat(rows.get(1)).containsOnlyNulls();
            }
        }
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns("main", "default", table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " "
                        + rs.getString("TYPE_NAME"));
            }
        }
        return columns;
    }

    private static List<String> typeNames(ResultSet rs) throws Exception {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnTypeName(i));
        }
        return out;
    }

    private static List<Integer> jdbcTypes(ResultSet rs) throws Exception {
        ResultSetMetaData md = rs.getMetaData();
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnType(i));
        }
        return out;
    }

    private static List<Object> objects(ResultSet rs) throws Exception {
        List<Object> out = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            out.add(rs.getObject(i));
        }
        return out;
    }
}
