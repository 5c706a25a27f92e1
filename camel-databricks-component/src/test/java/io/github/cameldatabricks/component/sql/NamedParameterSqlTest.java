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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How SQL text with camel-sql style markers becomes JDBC SQL: which {@code :#} are parameters and which are text
 * (inside literals, quoted identifiers, comments, Spark's {@code ::} casts), and what each marker binds.
 */
class NamedParameterSqlTest {

    /** SQL, the JDBC SQL it becomes (one value per IN list), and the markers it holds, in order. */
    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("SELECT :#a, :#b_2", "SELECT ?, ?", List.of(":#a", ":#b_2")),
                Arguments.of("SELECT * FROM t WHERE id = :#id AND x = :#id", "SELECT * FROM t WHERE id = ? AND x = ?",
                        List.of(":#id", ":#id")),
                Arguments.of("SELECT ':#notAParameter', :#yes", "SELECT ':#notAParameter', ?", List.of(":#yes")),
                Arguments.of("SELECT 'it''s :#no', :#yes", "SELECT 'it''s :#no', ?", List.of(":#yes")),
                Arguments.of("SELECT 'a\\' :#no', :#yes", "SELECT 'a\\' :#no', ?", List.of(":#yes")),
                Arguments.of("SELECT \":#no\", `:#no`, :#yes", "SELECT \":#no\", `:#no`, ?", List.of(":#yes")),
                Arguments.of("SELECT :#a -- :#commented\n, :#b", "SELECT ? -- :#commented\n, ?", List.of(":#a", ":#b")),
                Arguments.of("SELECT /* :#no */ :#yes", "SELECT /* :#no */ ?", List.of(":#yes")),
                Arguments.of("SELECT x::INT, :#v::STRING", "SELECT x::INT, ?::STRING", List.of(":#v")),
                Arguments.of("SELECT * FROM t WHERE zip IN (:#in:zips)", "SELECT * FROM t WHERE zip IN (?)",
                        List.of(":#in:zips")),
                Arguments.of("SELECT :#${header.top}", "SELECT ?", List.of(":#${header.top}")),
                Arguments.of("SELECT :#${body[ids].size()}, :#${exchangeProperty.x}", "SELECT ?, ?",
                        List.of(":#${body[ids].size()}", ":#${exchangeProperty.x}")),
                Arguments.of("SELECT :#${bean:calc?method=f(${header.a})}", "SELECT ?",
                        List.of(":#${bean:calc?method=f(${header.a})}")),
                Arguments.of("SELECT :#in:${header.ids}", "SELECT ?", List.of(":#in:${header.ids}")),
                Arguments.of("SELECT 1 -- unterminated comment :#no", "SELECT 1 -- unterminated comment :#no",
                        List.of()),
                Arguments.of("SELECT 'unterminated :#no", "SELECT 'unterminated :#no", List.of()),
                Arguments.of("SELECT a:b, :c, #d", "SELECT a:b, :c, #d", List.of()),
                // a raw literal ends at its quote: a backslash there is text
                Arguments.of("SELECT r'C:\\', :#yes", "SELECT r'C:\\', ?", List.of(":#yes")),
                // nested comments end with the outer one
                Arguments.of("SELECT /* a /* :#no */ :#no */ :#yes", "SELECT /* a /* :#no */ :#no */ ?",
                        List.of(":#yes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void markersBecomeJdbcParametersOutsideLiteralsAndComments(String sql, String jdbc, List<String> markers) {
        NamedParameterSql parsed = NamedParameterSql.parse(sql);
        assertThat(parsed.parameters()).extracting(NamedParameterSql.Parameter::marker).isEqualTo(markers);
        assertThat(parsed.jdbcSql(Collections.nCopies(markers.size(), 1))).isEqualTo(jdbc);
        assertThat(parsed.text()).isEqualTo(sql);
    }

    @Test
    void anInListExpandsToOneMarkerPerValue() {
        NamedParameterSql parsed = NamedParameterSql.parse("SELECT * FROM t WHERE a = :#a AND z IN (:#in:zips)");
        assertThat(parsed.parameters()).extracting(NamedParameterSql.Parameter::inList).containsExactly(false, true);
        assertThat(parsed.jdbcSql(List.of(0, 3))).isEqualTo("SELECT * FROM t WHERE a = ? AND z IN (?,?,?)");
    }

    @Test
    void expressionsAndNamesAreToldApart() {
        List<NamedParameterSql.Parameter> parameters = NamedParameterSql.parse("SELECT :#name, :#${header.x}")
                .parameters();
        assertThat(parameters).extracting(NamedParameterSql.Parameter::expression).containsExactly(false, true);
        assertThat(parameters).extracting(NamedParameterSql.Parameter::name).containsExactly("name", "header.x");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("SELECT :#", "Invalid named parameter at ':#'"),
                Arguments.of("SELECT :# x", "Invalid named parameter at ':# x'"),
                Arguments.of("SELECT :#-x", "Invalid named parameter"),
                Arguments.of("SELECT :#in:", "Invalid named parameter"),
                Arguments.of("SELECT :#${header.x", "Unterminated parameter expression at ':#${header.x'"),
                Arguments.of("SELECT :#${a${b}", "Unterminated parameter expression"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedMarkerIsRefusedNamingIt(String sql, String message) {
        assertThatThrownBy(() -> NamedParameterSql.parse(sql)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
