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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * Spark's complex type syntax ({@code ARRAY<INT>}, {@code MAP<STRING, INT>}, {@code STRUCT<a: INT, b: STRING>}, nested)
 * in DDL and casts, rewritten as DuckDB's LIST ({@code INTEGER[]}), {@code MAP(VARCHAR, INTEGER)} and
 * {@code STRUCT(a INTEGER, b VARCHAR)}.
 */
final class SparkTypes {

    /** A parsed type: its DuckDB spelling and the index just past it. */
    record Parsed(String duck, int end) {
    }

    private SparkTypes() {
    }

    /** True if a complex type in angle-bracket syntax starts at {@code i}. */
    static boolean startsComplexType(List<SqlToken> tokens, int i, int to) {
        SqlToken t = tokens.get(i);
        return (t.isWord("ARRAY") || t.isWord("MAP") || t.isWord("STRUCT")) && i + 1 < to
                && tokens.get(i + 1).isSymbol("<");
    }

    static Parsed parse(List<SqlToken> tokens, int i, int to) throws WarehouseSqlException {
        SqlToken t = token(tokens, i, to);
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (t.kind() == Kind.WORD && tokens.size() > i + 1 && i + 1 < to && tokens.get(i + 1).isSymbol("<")) {
            switch (upper) {
                case "ARRAY" -> {
                    Parsed element = parse(tokens, i + 2, to);
                    return new Parsed(element.duck() + "[]", expect(tokens, element.end(), to, ">"));
                }
                case "MAP" -> {
                    Parsed key = parse(tokens, i + 2, to);
                    Parsed value = parse(tokens, expect(tokens, key.end(), to, ","), to);
                    return new Parsed("MAP(" + key.duck() + ", " + value.duck() + ")",
                            expect(tokens, value.end(), to, ">"));
                }
                case "STRUCT" -> {
                    return struct(tokens, i + 2, to);
                }
                default -> {
                    // not a complex type: fall through to a scalar name
                }
            }
        }
        if (!t.isIdentifier()) {
            throw WarehouseSqlException.parseError("Syntax error at or near '" + t.text() + "'.");
        }
        String duck = scalar(upper);
        int end = i + 1;
        if (end < to && tokens.get(end).isSymbol("(")) { // DECIMAL(10, 2), VARCHAR(20)
            StringBuilder args = new StringBuilder("(");
            end++;
            while (end < to && !tokens.get(end).isSymbol(")")) {
                args.append(tokens.get(end).text());
                end++;
            }
            end = expect(tokens, end, to, ")");
            duck = duck.equals("VARCHAR") ? duck : duck + args + ")";
        }
        return new Parsed(duck, end);
    }

    private static Parsed struct(List<SqlToken> tokens, int i, int to) throws WarehouseSqlException {
        StringBuilder out = new StringBuilder("STRUCT(");
        int k = i;
        boolean first = true;
        while (!token(tokens, k, to).isSymbol(">")) {
            if (!first) {
                k = expect(tokens, k, to, ",");
            }
            SqlToken name = token(tokens, k, to);
            if (!name.isIdentifier()) {
                throw WarehouseSqlException.parseError("Syntax error at or near '" + name.text() + "'.");
            }
            k++;
            Parsed field;
            SqlToken next = token(tokens, k, to);
            if (next.kind() == Kind.PARAMETER && next.text().startsWith(":")) {
                // the tokenizer reads "a:INT" as the name a and a named marker ":INT": read the marker as the type
                List<SqlToken> view = new ArrayList<>(tokens);
                view.set(k, new SqlToken(Kind.WORD, next.text().substring(1)));
                field = parse(view, k, to);
            } else {
                field = parse(tokens, next.isSymbol(":") ? k + 1 : k, to);
            }
            out.append(first ? "" : ", ").append(CatalogNames.quote(name.identifierName())).append(' ')
                    .append(field.duck());
            k = field.end();
            first = false;
        }
        return new Parsed(out.append(')').toString(), k + 1);
    }

    private static String scalar(String upper) {
        return switch (upper) {
            case "INT", "INTEGER" -> "INTEGER";
            case "LONG", "BIGINT" -> "BIGINT";
            case "SHORT", "SMALLINT" -> "SMALLINT";
            case "BYTE", "TINYINT" -> "TINYINT";
            case "STRING", "VARCHAR", "CHAR" -> "VARCHAR";
            case "BINARY" -> "BLOB";
            case "TIMESTAMP_NTZ", "TIMESTAMP_LTZ" -> "TIMESTAMP";
            case "REAL" -> "FLOAT";
            default -> upper;
        };
    }

    private static SqlToken token(List<SqlToken> tokens, int i, int to) throws WarehouseSqlException {
        if (i >= to) {
            throw WarehouseSqlException.parseError("Syntax error at or near end of input: an incomplete type.");
        }
        return tokens.get(i);
    }

    private static int expect(List<SqlToken> tokens, int i, int to, String symbol) throws WarehouseSqlException {
        SqlToken t = token(tokens, i, to);
        if (!t.isSymbol(symbol)) {
            throw WarehouseSqlException.parseError("Syntax error at or near '" + t.text() + "'.");
        }
        return i + 1;
    }
}
