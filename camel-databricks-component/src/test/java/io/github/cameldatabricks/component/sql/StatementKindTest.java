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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements the retry loop may run twice: only those that certainly read. */
class StatementKindTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "  -- comment\n/* block */ (select * from t)",
            "WITH x AS (SELECT 1) SELECT * FROM x",
            "show tables",
            "DESCRIBE TABLE t",
            "VALUES (1), (2)",
            // write keywords that are not code: in literals, quoted identifiers and comments
            "WITH x AS (SELECT 'insert into t' AS s) SELECT * FROM x",
            "WITH x AS (SELECT `delete` FROM t) SELECT * FROM x",
            "WITH x AS (SELECT 1) -- then INSERT? no\nSELECT * FROM x",
            "WITH x AS (SELECT 'it''s an update' AS s) SELECT * FROM x",
            "/* INSERT */ SELECT 1",
            "SELECT r'C:\\' AS p",
            "/* a /* nested */ comment that says DELETE */ SELECT 1" })
    void statementsThatCertainlyReadAreReadOnly(String sql) {
        assertThat(StatementKind.isReadOnly(sql)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
            "INSERT INTO t VALUES (1)",
            "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
            "CREATE TABLE t AS SELECT 1",
            "WITH x AS (SELECT ';') DELETE FROM t WHERE id IN (SELECT * FROM x)",
            // the first word is a comment's only in appearance: the statement is an UPDATE
            "-- SELECT\nUPDATE t SET a = 1",
            "'SELECT' UPDATE",
            "   ",
            "CALL proc()",
            // a raw literal has no escapes: the INSERT after it is code
            "WITH src AS (SELECT r'C:\\' AS p) INSERT INTO t SELECT * FROM src",
            // bracketed comments nest: the DELETE after the outer one is code
            "WITH x AS (SELECT 1) /* /* */ ' */ DELETE FROM t",
            // an unterminated literal or comment hides what follows: never taken for a read
            "WITH x AS (SELECT 'oops) INSERT INTO t VALUES (1)",
            "WITH x AS (SELECT 1) SELECT * FROM x /* INSERT INTO t VALUES (1)" })
    void everythingElseIsAWrite(String sql) {
        assertThat(StatementKind.isReadOnly(sql)).isFalse();
    }
}
