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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with camel-sql style named parameters, parsed once: {@code :#name}, {@code :#${simple expression}} and
 * {@code :#in:name} (an IN list). Every parameter becomes a JDBC {@code ?}; values are never spliced into the text.
 * Markers inside string literals, quoted identifiers and comments are left alone.
 */
public final class NamedParameterSql {

    /** One parameter occurrence. */
    public record Parameter(String name, boolean expression, boolean inList) {

        /** How the parameter is written in the SQL, for error messages. */
        public String marker() {
            return ":#" + (inList ? "in:" : "") + (expression ? "${" + name + "}" : name);
        }
    }

    private final String text;
    private final List<String> fragments;
    private final List<Parameter> parameters;
    private final boolean readOnly;

    private NamedParameterSql(String text, List<String> fragments, List<Parameter> parameters) {
        this.text = text;
        this.fragments = fragments;
        this.parameters = parameters;
        // once per parsed statement, not per exchange or consumed row
        this.readOnly = StatementKind.isReadOnly(text);
    }

    /** Whether the statement certainly only reads ({@link StatementKind}), so that running it twice is harmless. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The original text. */
    public String text() {
        return text;
    }

    /** The parameters in order of appearance. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The JDBC SQL for the given IN-list sizes: {@code inListSizes.get(i)} question marks for the i-th parameter if it
     * is an IN list (its entry is ignored otherwise).
     */
    public String jdbcSql(List<Integer> inListSizes) {
        StringBuilder sb = new StringBuilder(fragments.get(0));
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).inList()) {
                sb.append(String.join(",", Collections.nCopies(inListSizes.get(i), "?")));
            } else {
                sb.append('?');
            }
            sb.append(fragments.get(i + 1));
        }
        return sb.toString();
    }

    /**
     * Parses SQL text.
     *
     * @throws IllegalArgumentException naming the marker if a parameter is malformed
     */
    public static NamedParameterSql parse(String sql) {
        List<String> fragments = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = SqlScanner.skipNonCode(sql, i);
            if (skipped > i) {
                // markers inside literals, quoted identifiers and comments are text
                current.append(sql, i, skipped);
                i = skipped;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == '#') {
                int start = i + 2;
                boolean inList = sql.startsWith("in:", start);
                if (inList) {
                    start += 3;
                }
                int end;
                Parameter parameter;
                if (sql.startsWith("${", start)) {
                    end = matchingBrace(sql, start + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("Unterminated parameter expression at '"
                                + sql.substring(i, Math.min(n, i + 30)) + "': expected :#${expression}");
                    }
                    parameter = new Parameter(sql.substring(start + 2, end), true, inList);
                    end++;
                } else {
                    end = start;
                    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                        end++;
                    }
                    if (end == start) {
                        throw new IllegalArgumentException("Invalid named parameter at '"
                                + sql.substring(i, Math.min(n, i + 30)) + "': expected :#name, :#${expression} or"
                                + " :#in:name");
                    }
                    parameter = new Parameter(sql.substring(start, end), false, inList);
                }
                fragments.add(current.toString());
                current.setLength(0);
                parameters.add(parameter);
                i = end;
            } else {
                current.append(c);
                i++;
            }
        }
        fragments.add(current.toString());
        return new NamedParameterSql(sql, List.copyOf(fragments), List.copyOf(parameters));
    }

    private static int matchingBrace(String sql, int openBrace) {
        int depth = 0;
        for (int i = openBrace; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return text;
    }
}
