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
import java.util.regex.Pattern;

/**
 * DuckDB type names ({@code INTEGER[]}, {@code MAP(VARCHAR, INTEGER)}, {@code STRUCT("name" VARCHAR, age INTEGER)},
 * {@code "NULL"}) read back as the Spark type they stand for, in Spark's two spellings: {@code DataType.sql}
 * ({@code ARRAY<INT>}, {@code MAP<STRING, INT>}, {@code STRUCT<name: STRING, age: INT>}, {@code VOID}), which a
 * warehouse sends as {@code Spark:DataType:SqlName} and as {@code TYPE_NAME} of GetColumns, and
 * {@code DataType.catalogString} ({@code array<int>}, {@code map<string,int>}, {@code struct<name:string,age:int>}),
 * which {@code DESCRIBE} shows.
 */
public final class SparkTypeNames {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");

    /**
     * A parsed type.
     *
     * @param kind       {@code ARRAY}, {@code MAP}, {@code STRUCT}, {@code VOID} or a scalar's Spark name such as
     *                   {@code INT} or {@code DECIMAL(10,2)}
     * @param children   the element type, the key and value types, or the field types; empty for scalars
     * @param fieldNames a struct's field names, in order; empty otherwise
     */
    public record Type(String kind, List<Type> children, List<String> fieldNames) {

        /** A scalar (or VOID) type. */
        public static Type scalar(String sparkName) {
            return new Type(sparkName, List.of(), List.of());
        }

        public boolean isArray() {
            return kind.equals("ARRAY");
        }

        public boolean isMap() {
            return kind.equals("MAP");
        }

        public boolean isStruct() {
            return kind.equals("STRUCT");
        }

        /** Spark's {@code DataType.sql}: {@code STRUCT<a: INT, b: ARRAY<STRING>>}. */
        public String sql() {
            if (isArray()) {
                return "ARRAY<" + children.get(0).sql() + ">";
            }
            if (isMap()) {
                return "MAP<" + children.get(0).sql() + ", " + children.get(1).sql() + ">";
            }
            if (isStruct()) {
                StringBuilder out = new StringBuilder("STRUCT<");
                for (int i = 0; i < children.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(quoteIfNeeded(fieldNames.get(i))).append(": ")
                            .append(children.get(i).sql());
                }
                return out.append('>').toString();
            }
            return kind;
        }

        /** Spark's {@code DataType.catalogString}: {@code struct<a:int,b:array<string>>}. */
        public String catalogString() {
            if (isArray()) {
                return "array<" + children.get(0).catalogString() + ">";
            }
            if (isMap()) {
                return "map<" + children.get(0).catalogString() + "," + children.get(1).catalogString() + ">";
            }
            if (isStruct()) {
                StringBuilder out = new StringBuilder("struct<");
                for (int i = 0; i < children.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(quoteIfNeeded(fieldNames.get(i))).append(':')
                            .append(children.get(i).catalogString());
                }
                return out.append('>').toString();
            }
            return kind.toLowerCase(Locale.ROOT);
        }
    }

    private final String text;
    private int pos;

    private SparkTypeNames(String text) {
        this.text = text;
    }

    /** The Spark type of a DuckDB type name as DuckDB's JDBC metadata and {@code duckdb_columns()} spell it. */
    public static Type parse(String duckTypeName) {
        SparkTypeNames parser = new SparkTypeNames(duckTypeName.trim());
        Type type = parser.type();
        return parser.pos == parser.text.length() ? type : Type.scalar("STRING");
    }

    /** The Spark name of a DuckDB scalar type; types Spark lacks (UUID, JSON, UNION, ENUM...) read as STRING. */
    public static String scalar(String duckTypeName) {
        String t = duckTypeName.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL(")) {
            return t.replace(" ", "");
        }
        return switch (t) {
            case "BOOLEAN" -> "BOOLEAN";
            case "TINYINT" -> "TINYINT";
            case "SMALLINT", "UTINYINT" -> "SMALLINT";
            case "INTEGER", "USMALLINT" -> "INT";
            case "BIGINT", "UINTEGER", "HUGEINT" -> "BIGINT";
            case "UBIGINT", "UHUGEINT" -> "DECIMAL(38,0)";
            case "FLOAT" -> "FLOAT";
            case "DOUBLE" -> "DOUBLE";
            case "DATE" -> "DATE";
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> "TIMESTAMP";
            case "BLOB" -> "BINARY";
            case "\"NULL\"", "NULL" -> "VOID";
            default -> "STRING";
        };
    }

    /** Backticks around a field name that is not a plain identifier, as Spark's {@code quoteIfNeeded}. */
    static String quoteIfNeeded(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
    }

    private Type type() {
        Type base;
        if (startsWithWord("MAP(")) {
            pos += 4;
            Type key = type();
            expect(',');
            Type value = type();
            expect(')');
            base = new Type("MAP", List.of(key, value), List.of());
        } else if (startsWithWord("STRUCT(")) {
            pos += 7;
            base = struct();
        } else {
            base = Type.scalar(scalar(scalarName()));
        }
        // postfix array markers: INTEGER[], INTEGER[3], STRUCT(a INTEGER)[][]
        while (pos < text.length() && text.charAt(pos) == '[') {
            int close = text.indexOf(']', pos);
            pos = close < 0 ? text.length() : close + 1;
            base = new Type("ARRAY", List.of(base), List.of());
        }
        return base;
    }

    private Type struct() {
        List<Type> children = new ArrayList<>();
        List<String> names = new ArrayList<>();
        skipSpaces();
        while (pos < text.length() && text.charAt(pos) != ')') {
            names.add(fieldName());
            skipSpaces();
            children.add(type());
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                skipSpaces();
            }
        }
        expect(')');
        return new Type("STRUCT", List.copyOf(children), List.copyOf(names));
    }

    private String fieldName() {
        if (text.charAt(pos) == '"') {
            StringBuilder name = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        name.append('"');
                        pos++;
                        continue;
                    }
                    break;
                }
                name.append(c);
            }
            return name.toString();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ' ') {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A scalar name up to the next top-level {@code ,}, {@code )} or {@code [}; DECIMAL(p,s) keeps its comma. */
    private String scalarName() {
        skipSpaces();
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if ((c == ',' || c == '[') && depth == 0) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private boolean startsWithWord(String prefix) {
        skipSpaces();
        return text.regionMatches(true, pos, prefix, 0, prefix.length());
    }

    private void expect(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
        }
        skipSpaces();
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
