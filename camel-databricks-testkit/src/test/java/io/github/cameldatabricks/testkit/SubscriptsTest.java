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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Spark's ARRAY and MAP access through the real driver: {@code arr[i]} from 0, {@code element_at} from 1 (negative:
 * from the end), map lookups by key, {@code size}, and the errors a SQL warehouse (ANSI mode on) raises for an index
 * out of bounds. DuckDB, underneath, indexes lists from 1.
 */
class SubscriptsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    @Test
    void arraySubscriptsCountFromZero() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT array(10, 20, 30)[0] a0, array(10, 20, 30)[1] a1,"
                    + " array(10, 20, 30)[2] a2, array(array(1, 2), array(3, 4))[1][0] nested,"
                    + " array('x', 'y')[1 + 0] computed, CAST(NULL AS ARRAY<INT>)[0] null_array,"
                    + " array(1, 2)[CAST(NULL AS INT)] null_index"))
                    .containsExactly(Arrays.asList(10, 20, 30, 3, "y", null, null));
        }
    }

    @Test
    void anIndexOutOfBoundsIsAnError() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT array(1, 2, 3)[5]"))
                    .hasMessageContaining("INVALID_ARRAY_INDEX")
                    .hasMessageContaining("The index 5 is out of bounds. The array has 3 elements.");
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT array(1, 2, 3)[3]"))
                    .hasMessageContaining("INVALID_ARRAY_INDEX");
            // negative indexes do not count from the end with [] (DuckDB's would give 3)
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT array(1, 2, 3)[-1]"))
                    .hasMessageContaining("The index -1 is out of bounds");
            // a string index on an array is refused as Spark's analyser does, not read as a map key
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT array(1, 2)['a']"))
                    .hasMessageContaining("DATATYPE_MISMATCH");
            assertThat(Jdbc.scalar(c, "SELECT get(array(1, 2, 3), 5)")).isNull();
            assertThat(Jdbc.scalar(c, "SELECT get(array(1, 2, 3), -1)")).isNull();
            assertThat(Jdbc.scalar(c, "SELECT get(array(1, 2, 3), 2)")).isEqualTo(3);
        }
    }

    @Test
    void tableColumnsArraysOfStructsAndFilters() throws Exception {
        String table = Jdbc.uniqueTable("subscripts");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT, tags ARRAY<INT>, m MAP<STRING, INT>,"
                    + " mi MAP<INT, STRING>, items ARRAY<STRUCT<k: STRING, v: ARRAY<INT>>>)");
            Jdbc.update(c, "INSERT INTO " + table + " VALUES"
                    + " (1, array(7, 8), map('a', 1), map(1, 'one'), array(named_struct('k', 'x', 'v', array(5, 6)))),"
                    + " (2, array(9), map('b', 2), map(2, 'two'), array(named_struct('k', 'y', 'v', array(4))))");
            assertThat(Jdbc.query(c, "SELECT id, tags[0], " + table + ".tags[size(tags) - 1], m['a'], mi[1],"
                    + " items[0].k, items[0].v[0], `items`[0]['k'] FROM " + table + " ORDER BY id")).containsExactly(
                            Arrays.asList(1, 7, 8, 1, "one", "x", 5, "x"),
                            Arrays.asList(2, 9, 9, null, null, "y", 4, "y"));
            assertThat(Jdbc.query(c, "SELECT id FROM " + table + " WHERE tags[0] = 9 OR m['a'] = 1 ORDER BY id"))
                    .containsExactly(List.of(1), List.of(2));
            assertThat(Jdbc.query(c, "SELECT coalesce(tags[0], 0) + element_at(tags, -1) FROM " + table
                    + " ORDER BY id")).containsExactly(List.of(15), List.of(18));
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT tags[1] FROM " + table))
                    .hasMessageContaining("INVALID_ARRAY_INDEX");
        }
    }

    @Test
    void mapSubscriptsLookUpKeys() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT map('k', 'v')['k'], map(1, 'one')[1], map(0, 'zero')[0],"
                    + " map(1, 'one')[2], map('k', 'v')['z'], map('a', array(1, 2))['a'][1]"))
                    .containsExactly(Arrays.asList("v", "one", "zero", null, null, 2));
            assertThat(Jdbc.scalar(c, "SELECT named_struct('a', 1)['a']")).isEqualTo(1);
        }
    }

    @Test
    void elementAtCountsFromOneAndFromTheEnd() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT element_at(array(1, 2, 3), 1), element_at(array(1, 2, 3), -1),"
                    + " element_at(map('a', 1), 'a'), element_at(map(1, 'x'), 1), element_at(map(1, 'x'), 2),"
                    + " try_element_at(array(1, 2, 3), 5), try_element_at(array(1, 2, 3), -3)"))
                    .containsExactly(Arrays.asList(1, 3, 1, "x", null, null, 1));
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT element_at(array(1, 2, 3), 4)"))
                    .hasMessageContaining("INVALID_ARRAY_INDEX_IN_ELEMENT_AT");
            assertThatThrownBy(() -> Jdbc.query(c, "SELECT element_at(array(1, 2, 3), 0)"))
                    .hasMessageContaining("INVALID_INDEX_OF_ZERO");
        }
    }

    @Test
    void sizeOfArraysAndMaps() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.query(c, "SELECT size(array(1, 2, 3)), size(map('a', 1, 'b', 2)), size(array()),"
                    + " cardinality(array(1)), array_size(array(4, 5)), size(CAST(NULL AS ARRAY<INT>))"))
                    .containsExactly(Arrays.asList(3, 2, 0, 1, 2, null));
        }
    }

    @Test
    void typedNumericLiterals() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                ResultSet rs = c.createStatement().executeQuery("SELECT 1.5D, 1L, 2S, 3Y, 1.25BD")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).isEqualTo(1.5d);
            assertThat(rs.getObject(2)).isEqualTo(1L);
            assertThat(rs.getObject(3)).isEqualTo((short) 2);
            assertThat(rs.getObject(4)).isEqualTo((byte) 3);
            assertThat(rs.getObject(5)).isEqualTo(new BigDecimal("1.25"));
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("DOUBLE");
            assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("BIGINT");
        }
    }

    @Test
    void anIndexGivenAsAParameter() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                PreparedStatement ps = c.prepareStatement("SELECT array(10, 20, 30)[?], map(1, 'one')[?]")) {
            ps.setInt(1, 2);
            ps.setInt(2, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(Jdbc.rows(rs)).containsExactly(List.of(30, "one"));
            }
        }
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                PreparedStatement ps = c.prepareStatement("SELECT map('k', 'v')[CAST(? AS STRING)]")) {
            ps.setString(1, "k");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(Jdbc.rows(rs)).containsExactly(List.of("v"));
            }
        }
    }
}
