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

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a statement only reads, so that running it twice is harmless (the retry loop may then retry even an ambiguous
 * failure). Conservative: anything it cannot tell is a write.
 */
public final class StatementKind {

    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "SHOW", "DESCRIBE", "DESC", "EXPLAIN",
            "VALUES", "LIST", "TABLE");
    private static final Pattern WRITE_WORD = Pattern.compile(
            "\\b(INSERT|MERGE|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE|COPY|OPTIMIZE|VACUUM|REPLACE|GRANT|REVOKE)\\b",
            Pattern.CASE_INSENSITIVE);

    private StatementKind() {
    }

    /** True if the statement certainly only reads. */
    public static boolean isReadOnly(String sql) {
        if (sql == null) {
            return false;
        }
        if (!SqlScanner.isComplete(sql)) {
            // an unterminated literal or comment would hide the rest of the text, which may write
            return false;
        }
        // keywords count only in code: not in literals, quoted identifiers or comments
        String code = SqlScanner.codeOnly(sql);
        int start = 0;
        while (start < code.length() && (Character.isWhitespace(code.charAt(start)) || code.charAt(start) == '(')) {
            start++;
        }
        String text = code.substring(start);
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String first = text.substring(0, end).toUpperCase(Locale.ROOT);
        if (READ_KEYWORDS.contains(first)) {
            // SELECT ... INTO or a SELECT that calls a writing function is not a thing in Databricks SQL
            return true;
        }
        // WITH ... INSERT INTO is a write; a WITH without any writing keyword is a query
        return first.equals("WITH") && !WRITE_WORD.matcher(text).find();
    }
}
