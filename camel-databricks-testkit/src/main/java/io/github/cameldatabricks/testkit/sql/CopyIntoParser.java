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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * Parses {@code COPY INTO <target> FROM '<path>' FILEFORMAT = JSON|CSV|PARQUET [FILES = ('a', ...)]
 * [PATTERN = 'glob'] [FORMAT_OPTIONS ('k' = 'v', ...)] [COPY_OPTIONS ('k' = 'v', ...)]}, clauses after FILEFORMAT in
 * any order. What the emulator cannot honour is refused with {@code UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE}: a
 * {@code SELECT} transformation, {@code WITH (CREDENTIAL ...)}, {@code VALIDATE}, the formats AVRO, ORC, TEXT,
 * BINARYFILE (and any other), and {@code 'mergeSchema' = 'true'}.
 */
final class CopyIntoParser {

    private static final Set<String> FORMATS = Set.of("JSON", "CSV", "PARQUET");

    private final List<SqlToken> tokens;
    private final SessionContext ctx;
    private int i;

    private CopyIntoParser(List<SqlToken> tokens, SessionContext ctx) {
        this.tokens = tokens;
        this.ctx = ctx;
    }

    static Translation parse(List<SqlToken> tokens, SessionContext ctx) throws WarehouseSqlException {
        return new CopyIntoParser(tokens, ctx).parse();
    }

    private Translation parse() throws WarehouseSqlException {
        i = 2; // COPY INTO
        List<String> parts = SparkSqlTranslator.dotted(tokens, i);
        if (parts.size() > 3) {
            throw syntax();
        }
        i += 2 * parts.size() - 1;
        TableName target = switch (parts.size()) {
            case 1 -> new TableName(ctx.catalog(), ctx.schema(), parts.get(0));
            case 2 -> new TableName(ctx.catalog(), parts.get(0), parts.get(1));
            default -> new TableName(parts.get(0), parts.get(1), parts.get(2));
        };
        if (peek() != null && peek().isSymbol("(")) {
            throw WarehouseSqlException.unsupported("a column list in COPY INTO");
        }
        expectWord("FROM");
        if (peek() != null && peek().isSymbol("(")) {
            throw WarehouseSqlException.unsupported("COPY INTO with a SELECT transformation");
        }
        String source = string();
        if (peek() != null && peek().isWord("WITH")) {
            throw WarehouseSqlException.unsupported("COPY INTO with temporary credentials or encryption (WITH)");
        }
        expectWord("FILEFORMAT");
        expectSymbol("=");
        String format = next().text().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw WarehouseSqlException.unsupported("FILEFORMAT = " + format + " in COPY INTO (supported: JSON, CSV,"
                    + " PARQUET)");
        }
        List<String> files = new ArrayList<>();
        String pattern = null;
        Map<String, String> formatOptions = new HashMap<>();
        Map<String, String> copyOptions = new HashMap<>();
        while (peek() != null) {
            SqlToken clause = next();
            if (clause.isWord("FILES")) {
                expectSymbol("=");
                expectSymbol("(");
                do {
                    files.add(string());
                } while (acceptSymbol(","));
                expectSymbol(")");
            } else if (clause.isWord("PATTERN")) {
                expectSymbol("=");
                pattern = string();
            } else if (clause.isWord("FORMAT_OPTIONS")) {
                options(formatOptions);
            } else if (clause.isWord("COPY_OPTIONS")) {
                options(copyOptions);
            } else if (clause.isWord("VALIDATE")) {
                throw WarehouseSqlException.unsupported("COPY INTO ... VALIDATE");
            } else {
                i--;
                throw syntax();
            }
        }
        if ("true".equalsIgnoreCase(copyOptions.get("mergeschema"))) {
            throw WarehouseSqlException.unsupported("schema evolution in COPY INTO ('mergeSchema' = 'true')");
        }
        boolean force = "true".equalsIgnoreCase(copyOptions.get("force"));
        return Translation.of(Translation.Kind.COPY_INTO,
                new CopyIntoCommand(target, source, format, files, pattern, formatOptions, force), Set.of(target));
    }

    /** {@code ('key' = 'value', ...)}; keys lower-cased, values as strings (quoted or bare words and numbers). */
    private void options(Map<String, String> into) throws WarehouseSqlException {
        expectSymbol("(");
        if (acceptSymbol(")")) {
            return;
        }
        do {
            String key = value().toLowerCase(Locale.ROOT);
            expectSymbol("=");
            into.put(key, value());
        } while (acceptSymbol(","));
        expectSymbol(")");
    }

    private String value() throws WarehouseSqlException {
        SqlToken t = next();
        if (t.kind() == Kind.STRING) {
            return SqlTokenizer.stringValue(t);
        }
        if (t.kind() == Kind.WORD || t.kind() == Kind.NUMBER || t.kind() == Kind.BACKTICK_IDENT) {
            return t.identifierName();
        }
        i--;
        throw syntax();
    }

    private String string() throws WarehouseSqlException {
        SqlToken t = next();
        if (t.kind() != Kind.STRING) {
            i--;
            throw syntax();
        }
        return SqlTokenizer.stringValue(t);
    }

    private SqlToken peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private SqlToken next() throws WarehouseSqlException {
        if (i >= tokens.size()) {
            throw WarehouseSqlException.parseError("Syntax error at or near end of input.");
        }
        return tokens.get(i++);
    }

    private void expectWord(String word) throws WarehouseSqlException {
        if (!next().isWord(word)) {
            i--;
            throw syntax();
        }
    }

    private void expectSymbol(String symbol) throws WarehouseSqlException {
        if (!next().isSymbol(symbol)) {
            i--;
            throw syntax();
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek() != null && peek().isSymbol(symbol)) {
            i++;
            return true;
        }
        return false;
    }

    private WarehouseSqlException syntax() {
        SqlToken t = peek();
        return WarehouseSqlException.parseError("Syntax error at or near "
                + (t == null ? "end of input" : "'" + t.text() + "'") + ".");
    }
}
