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
package io.github.cameldatabricks.component.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements are sent as multi-row INSERTs, and how they are written. */
class MultiRowInsertTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO t VALUES (:#a, :#b)",
            "insert into main.s.t (a, b) values (:#a, :#b);",
            "INSERT INTO TABLE `my t` (a, b) VALUES (:#a, :#b)",
            "  -- load\\n INSERT /* x */ INTO t (a, b) VALUES ( :#a , :#b ) -- done" })
    void anInsertWithOneValuesGroupHoldingEveryParameterIsRewritten(String sql) {
        MultiRowInsert insert = MultiRowInsert.of(NamedParameterSql.parse(sql.replace("\\n", "\n"))).orElseThrow();
        assertThat(insert.markersPerRow()).isEqualTo(2);
        assertThat(insert.sql(3).replaceAll("\\s+", "")).endsWith("(?,?),(?,?),(?,?)")
                .doesNotEndWith(";");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE t SET a = :#a WHERE b = :#b",
            "MERGE INTO t USING (SELECT :#a AS a) s ON t.a = s.a WHEN NOT MATCHED THEN INSERT *",
            "DELETE FROM t WHERE a = :#a",
            "INSERT INTO t SELECT :#a, :#b",
            "INSERT INTO t SELECT * FROM (VALUES (:#a, :#b))",
            "INSERT INTO t SELECT 1, 2 UNION ALL VALUES (:#a, :#b)",
            "INSERT INTO t VALUES (:#a, :#b), (:#c, :#d)",
            "INSERT INTO t VALUES (:#a, 1) ON CONFLICT DO NOTHING",
            "INSERT INTO t VALUES (:#a, :#in:b)",
            "INSERT INTO t VALUES ('x', 'y')",
            "INSERT INTO t PARTITION (p = :#p) VALUES (:#a)",
            "SELECT 'INSERT INTO t VALUES (:#a)'" })
    void anyOtherStatementRunsOncePerElement(String sql) {
        assertThat(MultiRowInsert.of(NamedParameterSql.parse(sql))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "INSERT INTO t VALUES (:#a, 'it''s (not) a ?', current_timestamp())" })
    void literalsAndFunctionsInTheGroupAreRepeatedPerRowAndNotCountedAsMarkers(String sql) {
        MultiRowInsert insert = MultiRowInsert.of(NamedParameterSql.parse(sql)).orElseThrow();
        assertThat(insert.markersPerRow()).isEqualTo(1);
        assertThat(insert.sql(2)).isEqualTo("INSERT INTO t VALUES (?, 'it''s (not) a ?', current_timestamp()),"
                + "(?, 'it''s (not) a ?', current_timestamp())");
    }
}
