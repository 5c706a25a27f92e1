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

/**
 * DuckDB macros for the Spark operators whose meaning depends on the type of an operand, which the token-level dialect
 * layer cannot see: {@code base[index]} and {@code element_at(base, index)} index an ARRAY from 0 and from 1 (negative:
 * from the end) on Spark, DuckDB lists from 1, and both look a MAP up by key.
 *
 * <p>
 * The dispatch is done by DuckDB's binder. Each macro has overloads typed on the index: an integer index selects a body
 * that asks {@code typeof(base)} whether the base is a MAP; {@code typeof} folds to a constant, so DuckDB drops the
 * other branch when it optimises and evaluates the base once (the plan shows a bare
 * {@code array_extract(l, CAST(n AS BIGINT) + 1)}), but binds both branches first, which both do for a list or an
 * integer-keyed map. A VARCHAR index (and any other, untyped overload) is a key: it binds for a map (or a struct
 * field), and on a list fails to bind as Spark's analyser refuses it. Out-of-range array indexes raise the error a SQL
 * warehouse raises (ANSI mode is on there), through DuckDB's {@code error()}; {@link DuckDbErrors} turns
 * {@code [CLASS] ... SQLSTATE: xxxxx} messages back into that error.
 *
 * <p>
 * The macros live in DuckDB's default database {@code memory}, which no Spark name reaches (a Spark catalog named
 * memory is {@code dbx_memory}) and which SHOW CATALOGS hides, and are called by qualified name, so they are created
 * once for every connection and never shadowed by a user's function.
 */
final class SparkMacros {

    /** Qualified name of the {@code base[index]} macro. */
    static final String SUBSCRIPT = "memory.main.spark_subscript";
    /** Qualified name of the {@code element_at(base, index)} macro. */
    static final String ELEMENT_AT = "memory.main.spark_element_at";
    /** Qualified name of the {@code try_element_at(base, index)} macro. */
    static final String TRY_ELEMENT_AT = "memory.main.spark_try_element_at";
    /** Qualified name of the {@code get(array, index)} macro. */
    static final String GET = "memory.main.spark_get";

    private static final String IS_MAP = "typeof(b) LIKE 'MAP(%'";
    private static final String NULL_INPUT = "b IS NULL OR i IS NULL";

    private SparkMacros() {
    }

    /** The statements that create the macros, run once on the engine's root connection. */
    static List<String> ddl() {
        String subscript = "CASE WHEN " + IS_MAP + " THEN b[i] WHEN " + NULL_INPUT + " THEN NULL"
                + " WHEN i >= 0 AND i < cardinality(b) THEN b[i + 1] ELSE " + error("INVALID_ARRAY_INDEX",
                        "'The index ' || i || ' is out of bounds. The array has ' || cardinality(b) || ' elements."
                                + " Use the SQL function `get()` to tolerate accessing element at invalid index and"
                                + " return NULL instead.'")
                + " END";
        String elementAt = "CASE WHEN " + IS_MAP + " THEN b[i] WHEN " + NULL_INPUT + " THEN NULL"
                + " WHEN i = 0 THEN " + indexOfZero()
                + " WHEN abs(i) <= cardinality(b) THEN b[i] ELSE " + error("INVALID_ARRAY_INDEX_IN_ELEMENT_AT",
                        "'The index ' || i || ' is out of bounds. The array has ' || cardinality(b) || ' elements."
                                + " Use `try_element_at` to tolerate accessing element at invalid index and return"
                                + " NULL instead.'")
                + " END";
        // DuckDB's own list subscript is 1-based, counts negative indexes from the end and is NULL out of range:
        // element_at's semantics once index 0 is refused
        String tryElementAt = "CASE WHEN " + IS_MAP + " THEN b[i] WHEN i = 0 THEN " + indexOfZero()
                + " ELSE b[i] END";
        return List.of(keyed(SUBSCRIPT, subscript), keyed(ELEMENT_AT, elementAt),
                keyed(TRY_ELEMENT_AT, tryElementAt),
                "CREATE MACRO " + GET + "(b, i) AS CASE WHEN i >= 0 THEN b[i + 1] END");
    }

    /**
     * A macro whose integer-index overloads run {@code integerBody}, and whose other overloads look the index up as a
     * key. INTEGER as well as BIGINT so that an INTEGER-keyed map is not cast to BIGINT keys row by row.
     */
    private static String keyed(String name, String integerBody) {
        return "CREATE MACRO " + name + "(b, i) AS b[i], (b, i VARCHAR) AS b[i], (b, i INTEGER) AS " + integerBody
                + ", (b, i BIGINT) AS " + integerBody;
    }

    private static String indexOfZero() {
        return error("INVALID_INDEX_OF_ZERO",
                "'The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).'");
    }

    private static String error(String errorClass, String detailExpression) {
        return "error('[" + errorClass + "] ' || " + detailExpression + " || ' SQLSTATE: 22003')";
    }
}
