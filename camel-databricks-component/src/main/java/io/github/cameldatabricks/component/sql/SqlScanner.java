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

/**
 * Tells the code of a Databricks SQL text from what is not code: string literals ({@code '...'} and {@code "..."},
 * backslash escapes as in Spark SQL, doubled quotes as in ANSI SQL), quoted identifiers ({@code `...`}) and comments
 * ({@code --} to the end of the line, {@code /* ... *}{@code /}). Shared by the parameter parser and the read-only
 * test, so that both agree on where a parameter marker or a keyword can appear.
 */
public final class SqlScanner {

    private SqlScanner() {
    }

    /**
     * If a literal, quoted identifier or comment starts at {@code index}, the index just after it (the text's length if
     * it is unterminated); otherwise {@code index}.
     */
    public static int skipNonCode(String sql, int index) {
        if (index >= sql.length()) {
            return index;
        }
        char c = sql.charAt(index);
        if (c == '\'' || c == '"' || c == '`') {
            return skipQuoted(sql, index, c);
        }
        return skipComment(sql, index);
    }

    /** The index of the first character from {@code from} on that is neither white space nor in a comment. */
    public static int skipBlankAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            int end = Character.isWhitespace(sql.charAt(i)) ? i + 1 : skipComment(sql, i);
            if (end == i) {
                return i;
            }
            i = end;
        }
        return sql.length();
    }

    private static int skipComment(String sql, int index) {
        if (sql.startsWith("--", index)) {
            // the line break ends the comment and stays code (it separates tokens)
            int end = sql.indexOf('\n', index);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", index)) {
            int end = sql.indexOf("*/", index + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return index;
    }

    /** The text with every literal, quoted identifier and comment replaced by one space: only code is left. */
    public static String codeOnly(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int end = skipNonCode(sql, i);
            if (end > i) {
                code.append(' ');
                i = end;
            } else {
                code.append(sql.charAt(i++));
            }
        }
        return code.toString();
    }

    private static int skipQuoted(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
