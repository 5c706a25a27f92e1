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

/**
 * Splits Spark SQL text into tokens, keeping string literals, backtick identifiers and comments intact so that the
 * dialect layer can rewrite what lies outside them.
 */
final class SqlTokenizer {

    private SqlTokenizer() {
    }

    static List<SqlToken> tokenize(String sql) throws WarehouseSqlException {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.WHITESPACE, sql.substring(start, i)));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.COMMENT, sql.substring(start, i)));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw WarehouseSqlException.parseError("Unclosed bracketed comment(line 1, pos " + i + ")");
                }
                i = end + 2;
                tokens.add(new SqlToken(SqlToken.Kind.COMMENT, sql.substring(start, i)));
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = endOfQuoted(sql, i + 1, '\'');
                tokens.add(new SqlToken(SqlToken.Kind.HEX_STRING, sql.substring(start, i)));
            } else if (c == '\'' || c == '"') {
                i = endOfQuoted(sql, i, c);
                tokens.add(new SqlToken(SqlToken.Kind.STRING, sql.substring(start, i)));
            } else if (c == '`') {
                i = endOfBacktick(sql, i);
                tokens.add(new SqlToken(SqlToken.Kind.BACKTICK_IDENT, sql.substring(start, i)));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                                && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.NUMBER, sql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.WORD, sql.substring(start, i)));
            } else if (c == '?') {
                i++;
                tokens.add(new SqlToken(SqlToken.Kind.PARAMETER, "?"));
            } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.PARAMETER, sql.substring(start, i)));
            } else {
                i++;
                if (i < n) {
                    String two = sql.substring(start, i + 1);
                    if (two.equals("::") || two.equals("<=") || two.equals(">=") || two.equals("<>")
                            || two.equals("!=") || two.equals("||") || two.equals("==")) {
                        i++;
                    }
                }
                tokens.add(new SqlToken(SqlToken.Kind.SYMBOL, sql.substring(start, i)));
            }
        }
        return tokens;
    }

    private static int endOfQuoted(String sql, int i, char quote) throws WarehouseSqlException {
        int n = sql.length();
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw WarehouseSqlException.parseError("Syntax error at or near end of input: unclosed string literal.");
    }

    private static int endOfBacktick(String sql, int i) throws WarehouseSqlException {
        int n = sql.length();
        i++;
        while (i < n) {
            if (sql.charAt(i) == '`') {
                if (i + 1 < n && sql.charAt(i + 1) == '`') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw WarehouseSqlException.parseError("Syntax error at or near end of input: unclosed backtick identifier.");
    }

    /** The value of a Spark string literal token (single or double quoted, backslash escapes processed). */
    static String stringValue(SqlToken token) {
        String t = token.text();
        char quote = t.charAt(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() - 1) {
                char e = t.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    default -> sb.append(e);
                }
            } else if (c == quote && i + 1 < t.length() - 1 && t.charAt(i + 1) == quote) {
                sb.append(c);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
