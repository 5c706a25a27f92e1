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
import java.util.Locale;
import java.util.Set;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * Spark's {@code base[index]}: recognises a subscript among the tokens and writes it as a call of
 * {@link SparkMacros#SUBSCRIPT}, which DuckDB resolves per the base's type (0-based ARRAY index, MAP key).
 */
final class Subscripts {

    /**
     * Words after which {@code [} opens a DuckDB list literal ({@code SELECT [1, 2]}, {@code IN [..]}), not a
     * subscript: Spark has no list literal, but a statement written for DuckDB keeps working.
     */
    private static final Set<String> NOT_A_BASE = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "IN", "THEN",
            "ELSE", "WHEN", "CASE", "ON", "BY", "AS", "IS", "VALUES", "HAVING", "DISTINCT", "ALL", "ANY", "SOME",
            "LIKE", "ILIKE", "BETWEEN", "ARRAY", "LIST", "LIMIT", "OFFSET", "SET", "RETURN", "EXISTS", "INTERVAL");

    private Subscripts() {
    }

    /**
     * Whether the {@code [} at {@code open} follows a value (a column or alias, a call, a parenthesised expression or
     * another subscript) and so indexes it.
     */
    static boolean isSubscript(List<SqlToken> tokens, int open, int from) {
        if (open <= from || !tokens.get(open).isSymbol("[")) {
            return false;
        }
        SqlToken before = tokens.get(open - 1);
        if (before.isSymbol(")") || before.isSymbol("]") || before.kind() == Kind.BACKTICK_IDENT) {
            return true;
        }
        return before.kind() == Kind.WORD && !NOT_A_BASE.contains(before.text().toUpperCase(Locale.ROOT));
    }

    /** Index of the {@code ]} closing the {@code [} at {@code open}, or -1. */
    static int closing(List<SqlToken> tokens, int open, int to) {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (tokens.get(k).isSymbol("[")) {
                depth++;
            } else if (tokens.get(k).isSymbol("]")) {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    /**
     * The DuckDB call for {@code base[index]}. A bare parameter marker has no type when DuckDB prepares the statement,
     * so the macro's overloads cannot be told apart: it is bound as an integer (an array index or an integer map key);
     * a string map key given as a parameter fails to bind rather than read the wrong element.
     */
    static String call(String base, String index, boolean bareParameter) {
        String key = bareParameter ? "CAST(" + index + " AS BIGINT)" : index;
        return SparkMacros.SUBSCRIPT + "(" + base + ", " + key + ")";
    }
}
