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
 * backslash escapes as in Spark SQL, none in raw literals {@code r'...'}, doubled quotes as in ANSI SQL), quoted
 * identifiers ({@code `...`}) and comments ({@code --} to the end of the line, bracketed comments, which nest as in
 * Spark SQL). Shared by the parameter parser, the multi-row INSERT rewriter and the read-only test, so that all three
 * agree on where a parameter marker or a keyword can appear.
 */
public final class SqlScanner {

    private static final int UNTERMINATED = -1;

    private SqlScanner() {
    }

    /**
     * If a literal, quoted identifier or comment starts at {@code index}, the index just after it (the text's length if
     * it is unterminated); otherwise {@code index}.
     */
    public static int skipNonCode(String sql, int index) {
        int end = endOfNonCode(sql, index);
        return end == UNTERMINATED ? sql.length() : end;
    }

    /**
     * Whether every literal, quoted identifier and bracketed comment of the text ends. An unterminated one hides the
     * rest of the text from {@link #codeOnly}, so a caller that must not mistake a write for a read checks this first.
     */
    public static boolean isComplete(String sql) {
        int i = 0;
        while (i < sql.length()) {
            int end = endOfNonCode(sql, i);
            if (end == UNTERMINATED) {
                return false;
            }
            i = end > i ? end : i + 1;
        }
        return true;
    }

    /** The index of the first character from {@code from} on that is neither white space nor in a comment. */
    public static int skipBlankAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            int end = Character.isWhitespace(sql.charAt(i)) ? i + 1 : endOfComment(sql, i);
            if (end == UNTERMINATED) {
                return sql.length();
            }
            if (end == i) {
                return i;
            }
            i = end;
        }
        return sql.length();
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

    /** The end of the literal, quoted identifier or comment at {@code index}, {@code index} if none starts there. */
    private static int endOfNonCode(String sql, int index) {
        if (index >= sql.length()) {
            return index;
        }
        char c = sql.charAt(index);
        if (c == '\'' || c == '"' || c == '`') {
            return endOfQuoted(sql, index, c);
        }
        return endOfComment(sql, index);
    }

    private static int endOfComment(String sql, int index) {
        if (sql.startsWith("--", index)) {
            // the line break ends the comment and stays code (it separates tokens); the end of the text ends it too
            int end = sql.indexOf('\n', index);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", index)) {
            int depth = 0;
            int i = index;
            while (i < sql.length()) {
                if (sql.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else if (sql.startsWith("*/", i)) {
                    i += 2;
                    if (--depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return UNTERMINATED;
        }
        return index;
    }

    private static int endOfQuoted(String sql, int open, char quote) {
        // r'C:\' is a raw literal: a backslash is text there, not an escape
        boolean raw = quote != '`' && open > 0 && (sql.charAt(open - 1) == 'r' || sql.charAt(open - 1) == 'R')
                && (open < 2 || !isWordChar(sql.charAt(open - 2)));
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`' && !raw) {
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
        return UNTERMINATED;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
