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

import java.util.Collections;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * An {@code INSERT INTO t [(columns)] VALUES (...)} statement with a single VALUES group, written for many rows at
 * once: {@code VALUES (?, ?), (?, ?), ...}.
 *
 * <p>
 * Why: databricks-jdbc 3.4.5 sends one ExecuteStatement per parameter set of a JDBC batch, so {@code executeBatch}
 * costs one HTTP round trip per row. One statement that carries many rows costs one.
 */
public final class MultiRowInsert {

    private final String head;
    private final String group;
    private final int markersPerRow;

    private MultiRowInsert(String head, String group, int markersPerRow) {
        this.head = head;
        this.group = group;
        this.markersPerRow = markersPerRow;
    }

    /**
     * The multi-row form of the statement, if it is an INSERT with one VALUES group that holds every parameter and ends
     * the statement; empty for anything else (UPDATE, MERGE, DELETE, INSERT ... SELECT, IN lists, several VALUES
     * groups), which keep running once per element.
     */
    public static Optional<MultiRowInsert> of(NamedParameterSql sql) {
        if (sql.parameters().isEmpty() || sql.parameters().stream().anyMatch(NamedParameterSql.Parameter::inList)) {
            return Optional.empty();
        }
        String text = sql.jdbcSql(Collections.nCopies(sql.parameters().size(), 1));
        int first = SqlScanner.skipBlankAndComments(text, 0);
        if (!wordAt(text, first, "INSERT") || !wordAt(text, SqlScanner.skipBlankAndComments(text, first + 6), "INTO")) {
            return Optional.empty();
        }
        int values = topLevelWord(text, "VALUES");
        if (values < 0 || topLevelWord(text, "SELECT") >= 0) {
            // no VALUES, or rows from a query too (INSERT ... SELECT ... UNION ALL VALUES): each element on its own
            return Optional.empty();
        }
        int open = SqlScanner.skipBlankAndComments(text, values + 6);
        if (open >= text.length() || text.charAt(open) != '(') {
            return Optional.empty();
        }
        int close = matchingParenthesis(text, open);
        if (close < 0 || !onlyTrailingNoise(text, close + 1)) {
            return Optional.empty();
        }
        String group = text.substring(open, close + 1);
        int markers = countMarkers(group);
        if (markers != sql.parameters().size()) {
            // a parameter outside the VALUES group (in the table name, say) would repeat per row: not rewritten
            return Optional.empty();
        }
        return Optional.of(new MultiRowInsert(text.substring(0, open), group, markers));
    }

    /** How many parameter markers one row takes. */
    public int markersPerRow() {
        return markersPerRow;
    }

    /** The length of one row's VALUES group in the statement text, with its separator. */
    public int rowTextLength() {
        return group.length() + 1;
    }

    /** The statement for {@code rows} rows. */
    public String sql(int rows) {
        StringBuilder sb = new StringBuilder(head.length() + rows * (group.length() + 1));
        sb.append(head);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(group);
        }
        return sb.toString();
    }

    /** The index of the next character that is not white space or part of a comment. */
    private static boolean wordAt(String text, int at, String word) {
        return text.regionMatches(true, at, word, 0, word.length())
                && (at + word.length() == text.length() || !isWordChar(text.charAt(at + word.length())));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The first occurrence of the keyword outside parentheses, literals, quoted identifiers and comments. */
    private static int topLevelWord(String text, String word) {
        int[] depth = { 0 };
        return scanCode(text, 0, i -> {
            char c = text.charAt(i);
            if (c == '(') {
                depth[0]++;
            } else if (c == ')') {
                depth[0]--;
            } else {
                return depth[0] == 0 && (i == 0 || !isWordChar(text.charAt(i - 1))) && wordAt(text, i, word);
            }
            return false;
        });
    }

    private static int matchingParenthesis(String text, int open) {
        int[] depth = { 0 };
        return scanCode(text, open, i -> {
            char c = text.charAt(i);
            if (c == '(') {
                depth[0]++;
            } else if (c == ')') {
                return --depth[0] == 0;
            }
            return false;
        });
    }

    private static int countMarkers(String text) {
        int[] count = { 0 };
        scanCode(text, 0, i -> {
            if (text.charAt(i) == '?') {
                count[0]++;
            }
            return false;
        });
        return count[0];
    }

    /**
     * Visits the index of every character of SQL code from {@code from} on — skipping literals, quoted identifiers,
     * comments and white space — until the visitor returns true; returns that index, or -1.
     */
    private static int scanCode(String text, int from, IntPredicate visitor) {
        int i = from;
        while (i < text.length()) {
            int significant = SqlScanner.skipBlankAndComments(text, SqlScanner.skipNonCode(text, i));
            if (significant != i) {
                i = significant;
                continue;
            }
            if (visitor.test(i)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean onlyTrailingNoise(String text, int from) {
        int i = SqlScanner.skipBlankAndComments(text, from);
        while (i < text.length() && text.charAt(i) == ';') {
            i = SqlScanner.skipBlankAndComments(text, i + 1);
        }
        return i == text.length();
    }

    @Override
    public String toString() {
        return "MultiRowInsert[" + markersPerRow + " markers per row]";
    }
}
