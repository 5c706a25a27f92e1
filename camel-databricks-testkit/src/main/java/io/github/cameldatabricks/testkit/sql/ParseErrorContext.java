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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds Spark's parse-error context to a {@code PARSE_SYNTAX_ERROR}: {@code (line L, pos P)}, then the statement under
 * {@code == SQL ==} with a {@code ----^^^} marker below the offending line, as Spark's
 * {@code ParseException#getMessage} writes it (apache/spark; e.g. {@code [PARSE_SYNTAX_ERROR] Syntax error at or
 * near 'SELECT'. SQLSTATE: 42601 (line 1, pos 133)} in Databricks notebooks' output). Clients show this text as is: the
 * Python connector's end-to-end suite expects a syntax error's message to contain the statement
 * ({@code tests/e2e/test_driver.py#test_incorrect_query_throws_exception}: {@code "^ FOO BAR"} fails with a message
 * containing {@code FOO BAR}).
 */
public final class ParseErrorContext {

    private static final Pattern NEAR = Pattern.compile("at or near '([^']*)'");

    private ParseErrorContext() {
    }

    /** The error with its position and excerpt, if it is a parse error without them; else the error itself. */
    public static WarehouseSqlException attach(WarehouseSqlException e, String sql) {
        if (!"PARSE_SYNTAX_ERROR".equals(e.getErrorClass()) || sql == null || e.getMessage().contains("== SQL ==")) {
            return e;
        }
        String message = e.getMessage();
        String detail = message.substring(message.indexOf("] ") + 2, message.lastIndexOf(" SQLSTATE: "));
        int offset = offset(detail, sql);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int pos = offset - lineStart;
        int lineEnd = sql.indexOf('\n', offset);
        String above = lineEnd < 0 ? sql : sql.substring(0, lineEnd);
        String below = lineEnd < 0 ? "" : sql.substring(lineEnd + 1);
        String context = " (line " + line + ", pos " + pos + ")\n\n== SQL ==\n" + above + "\n" + "-".repeat(pos)
                + "^^^\n" + below;
        WarehouseSqlException withContext = new WarehouseSqlException(e.getErrorClass(), e.getSqlState(), detail,
                e.isSynchronous(), context);
        withContext.setStackTrace(e.getStackTrace());
        return withContext;
    }

    /** Where the token the message names starts, or 0 (also for "end of input": then the statement's end). */
    private static int offset(String detail, String sql) {
        if (detail.contains("end of input")) {
            return sql.stripTrailing().length();
        }
        Matcher m = NEAR.matcher(detail);
        if (m.find() && !m.group(1).isEmpty()) {
            int at = sql.indexOf(m.group(1));
            if (at < 0) {
                at = sql.toLowerCase(java.util.Locale.ROOT).indexOf(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
            return Math.max(at, 0);
        }
        return 0;
    }
}
