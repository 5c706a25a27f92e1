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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * Rewrites one general statement token by token: identifier chains (quoting, reserved catalog names), string literals,
 * Spark functions that DuckDB spells differently, Delta-only CREATE TABLE clauses, and named parameter markers. Records
 * the tables the statement touches for the permission check.
 */
final class TokenRewriter {

    private static final Set<String> TABLE_CONTEXT = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "DESCRIBE",
            "DESC");

    private final List<SqlToken> tokens;
    private final SessionContext ctx;
    private final String leading;
    private final List<String> parameterNames = new ArrayList<>();
    private final Set<TableName> tables = new LinkedHashSet<>();
    /** Inside a SELECT list, where an expression may take an alias (roughly: nested queries reset it). */
    private boolean selectList;

    TokenRewriter(List<SqlToken> tokens, SessionContext ctx, String leading) {
        this.tokens = tokens;
        this.ctx = ctx;
        this.leading = leading;
    }

    String emit(int from, int to) throws WarehouseSqlException {
        StringBuilder out = new StringBuilder();
        boolean tableContext = false;
        // where in out the value a following '[' would index begins (-1: none), and where each open '(' began
        int operand = -1;
        Deque<Integer> parens = new ArrayDeque<>();
        int i = from;
        while (i < to) {
            SqlToken t = tokens.get(i);
            String piece;
            if (t.isIdentifier() && operand >= 0 && i > from && tokens.get(i - 1).isSymbol(".")) {
                // a field of a subscript or call result: arr[0].k, f(x).k.m
                int end = chainEnd(i, to);
                for (int k = i; k < end; k += 2) {
                    out.append(k > i ? "." : "").append(tokens.get(k).isSymbol("*") ? "*"
                            : CatalogNames.quote(tokens.get(k).identifierName()));
                }
                i = end;
                continue;
            }
            int start = out.length() + (out.length() > 0 ? 1 : 0);
            if (t.isIdentifier()) {
                operand = -1;
                int end = chainEnd(i, to);
                boolean call = end < to && tokens.get(end).isSymbol("(");
                if (end == i + 1 && t.kind() == Kind.WORD) {
                    String upper = t.text().toUpperCase(Locale.ROOT);
                    if (SparkTypes.startsComplexType(tokens, i, to)) {
                        SparkTypes.Parsed type = SparkTypes.parse(tokens, i, to);
                        append(out, type.duck());
                        i = type.end();
                        continue;
                    }
                    if (upper.equals("TIMESTAMP") && i + 1 < to && tokens.get(i + 1).kind() == Kind.STRING) {
                        // Spark reads the literal in the session time zone unless it names an offset; the value
                        // is that instant's wall-clock time in the session zone (DuckDB's TimeZone)
                        append(out, "CAST(TIMESTAMPTZ " + CatalogNames.literal(SqlTokenizer.stringValue(
                                tokens.get(i + 1))) + " AS TIMESTAMP)");
                        i += 2;
                        continue;
                    }
                    if (upper.equals("USING") && leading.equals("CREATE") && i + 1 < to
                            && tokens.get(i + 1).kind() == Kind.WORD) {
                        i += 2; // USING DELTA / PARQUET: DuckDB tables have no storage format clause
                        continue;
                    }
                    if ((upper.equals("TBLPROPERTIES") || upper.equals("OPTIONS"))
                            && leading.equals("CREATE") && i + 1 < to && tokens.get(i + 1).isSymbol("(")) {
                        i = matchingParen(i + 1, to) + 1;
                        continue;
                    }
                    if ((upper.equals("PARTITIONED") || upper.equals("CLUSTER")) && leading.equals("CREATE")
                            && i + 2 < to && tokens.get(i + 1).isWord("BY") && tokens.get(i + 2).isSymbol("(")) {
                        i = matchingParen(i + 2, to) + 1;
                        continue;
                    }
                    if ((upper.equals("COMMENT") || upper.equals("LOCATION")) && leading.equals("CREATE")
                            && i + 1 < to && tokens.get(i + 1).kind() == Kind.STRING) {
                        i += 2;
                        continue;
                    }
                    if (call && tableContext && upper.equals("RANGE")) {
                        // Spark's range() table function names its column id
                        int close = matchingParen(end, to);
                        List<String> args = new ArrayList<>();
                        for (int[] r : arguments(end + 1, close)) {
                            args.add(emit(r[0], r[1]));
                        }
                        append(out, "(SELECT range AS id FROM range("
                                + String.join(", ", args.subList(0, Math.min(3, args.size()))) + "))");
                        tableContext = false;
                        i = close + 1;
                        continue;
                    }
                    if (call && tableContext) {
                        // INSERT INTO t (a, b) / CREATE TABLE t (...): a table followed by a column list
                        tables.add(resolve(List.of(t.text())));
                        tableContext = false;
                        append(out, t.text());
                        i = end;
                        continue;
                    }
                    if (call) {
                        int close = matchingParen(end, to);
                        piece = function(t.text(), end + 1, close);
                        if (upper.equals("COUNT") && close == end + 2 && tokens.get(end + 1).isSymbol("*")
                                && isWholeSelectItem(i, close, to)) {
                            piece += " AS \"count(1)\""; // Spark names count(*) count(1); DuckDB count_star()
                        }
                        i = close + 1;
                        append(out, piece);
                        operand = start;
                        continue;
                    }
                    if (tableContext && !isKeywordAfterTableContext(upper)) {
                        tables.add(resolve(List.of(t.text())));
                        tableContext = false;
                        piece = t.text();
                    } else if (upper.equals("TABLE") && i > from && tokens.get(i - 1).isWord("INTO")) {
                        piece = ""; // INSERT INTO TABLE t -> INSERT INTO t
                    } else {
                        piece = SparkFunctions.keyword(upper, t.text(), ctx);
                        trackSelectList(upper);
                        tableContext = TABLE_CONTEXT.contains(upper)
                                || (upper.equals("USING") && leading.equals("MERGE"));
                        operand = start; // a column; Subscripts tells keywords apart when '[' follows
                    }
                    append(out, piece);
                    i = end;
                    continue;
                }
                List<String> parts = new ArrayList<>();
                StringBuilder chain = new StringBuilder();
                for (int k = i; k < end; k += 2) {
                    SqlToken part = tokens.get(k);
                    if (k > i) {
                        chain.append('.');
                    }
                    if (part.isSymbol("*")) {
                        chain.append('*');
                        continue;
                    }
                    String partName = part.identifierName();
                    parts.add(partName);
                    if (k == i && (end - i) >= 5 && CatalogNames.isReserved(partName)) {
                        partName = CatalogNames.toDuck(partName);
                    }
                    chain.append(CatalogNames.quote(partName));
                }
                if (tableContext && !call) {
                    tables.add(resolve(parts));
                    tableContext = false;
                } else {
                    operand = start;
                }
                append(out, chain.toString());
                i = end;
                continue;
            }
            tableContext = false;
            if (operand >= 0 && Subscripts.isSubscript(tokens, i, from)) {
                int close = Subscripts.closing(tokens, i, to);
                if (close > i + 1) {
                    String index = emit(i + 1, close);
                    String base = out.substring(operand);
                    out.setLength(operand);
                    out.append(Subscripts.call(base, index, close == i + 2
                            && tokens.get(i + 1).kind() == Kind.PARAMETER));
                    i = close + 1;
                    continue; // operand stays: a[0][1]
                }
            }
            if (t.isSymbol("(")) {
                // schema.f(x): the chain before '(' is the callee, and the call is the operand after ')'
                parens.push(operand >= 0 && i > from && tokens.get(i - 1).isIdentifier() ? operand : start);
                operand = -1;
            } else if (t.isSymbol(")")) {
                operand = parens.isEmpty() ? -1 : parens.pop();
            } else if (!t.isSymbol(".")) {
                operand = -1;
            }
            switch (t.kind()) {
                case NUMBER -> piece = NumericLiterals.toDuck(t.text());
                case STRING -> piece = CatalogNames.literal(SqlTokenizer.stringValue(t));
                case HEX_STRING -> piece = "from_hex(" + t.text().substring(1) + ")";
                case PARAMETER -> {
                    if (t.text().startsWith(":")) {
                        parameterNames.add(t.text().substring(1));
                    }
                    piece = "?";
                }
                default -> piece = t.text();
            }
            append(out, piece);
            i++;
        }
        return out.toString();
    }

    private void trackSelectList(String upper) {
        switch (upper) {
            case "SELECT" -> selectList = true;
            case "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "QUALIFY",
                    "WINDOW", "SET", "VALUES" ->
                selectList = false;
            default -> {
                // other keywords leave the clause unchanged
            }
        }
    }

    /** A call from {@code start} to {@code close} that is a whole SELECT item without an alias. */
    private boolean isWholeSelectItem(int start, int close, int to) {
        if (!selectList || start == 0) {
            return false;
        }
        SqlToken before = tokens.get(start - 1);
        boolean starts = before.isSymbol(",") || before.isWord("SELECT") || before.isWord("DISTINCT")
                || before.isWord("ALL");
        boolean ends = close + 1 >= to || tokens.get(close + 1).isSymbol(",") || tokens.get(close + 1).isWord("FROM");
        return starts && ends;
    }

    private static boolean isKeywordAfterTableContext(String upper) {
        return upper.equals("TABLE") || upper.equals("ONLY") || upper.equals("LATERAL")
                || upper.equals("IF") || upper.equals("SELECT");
    }

    private static void append(StringBuilder out, String piece) {
        if (piece.isEmpty()) {
            return;
        }
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(piece);
    }

    /** Index just past an identifier chain {@code a.b.c} (or {@code a.*}) starting at {@code i}. */
    private int chainEnd(int i, int to) {
        int end = i + 1;
        while (end + 1 < to && tokens.get(end).isSymbol(".")
                && (tokens.get(end + 1).isIdentifier() || tokens.get(end + 1).isSymbol("*"))) {
            end += 2;
        }
        return end;
    }

    private int matchingParen(int open, int to) throws WarehouseSqlException {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (tokens.get(k).isSymbol("(")) {
                depth++;
            } else if (tokens.get(k).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        throw WarehouseSqlException.parseError("Syntax error at or near end of input: missing ')'.");
    }

    private List<int[]> arguments(int from, int to) {
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int k = from; k < to; k++) {
            SqlToken t = tokens.get(k);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (t.isSymbol(",") && depth == 0) {
                args.add(new int[]{ start, k });
                start = k + 1;
            }
        }
        if (to > from) {
            args.add(new int[]{ start, to });
        }
        return args;
    }

    private String function(String name, int argsFrom, int argsTo) throws WarehouseSqlException {
        List<int[]> argRanges = arguments(argsFrom, argsTo);
        List<String> args = new ArrayList<>();
        for (int[] r : argRanges) {
            args.add(emit(r[0], r[1]));
        }
        return SparkFunctions.call(name, args, argRanges, tokens, ctx);
    }

    private TableName resolve(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> new TableName(ctx.catalog(), ctx.schema(), parts.get(0));
            case 2 -> new TableName(ctx.catalog(), parts.get(0), parts.get(1));
            default -> new TableName(parts.get(parts.size() - 3), parts.get(parts.size() - 2),
                    parts.get(parts.size() - 1));
        };
    }

    List<String> parameterNames() {
        return parameterNames;
    }

    Set<TableName> tables() {
        return tables;
    }
}
