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
import java.util.Set;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * The thin dialect layer: accepts the Spark SQL forms integrations commonly send (backtick identifiers, double-quoted
 * strings, {@code current_timestamp()}, {@code date_sub}, {@code USE CATALOG}, three-part names on catalogs DuckDB
 * reserves, {@code USING DELTA}, ...) and rewrites them for DuckDB. Volume statements and {@code COPY INTO} are parsed
 * into commands the warehouse executes itself. Statements that rely on something a DuckDB-backed emulator cannot honour
 * are rejected with {@code UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE} rather than silently behaving differently.
 */
public final class SparkSqlTranslator {

    private static final Set<String> UNSUPPORTED_LEADING = Set.of("OPTIMIZE", "VACUUM", "MSCK", "REFRESH", "CACHE",
            "UNCACHE", "GRANT", "REVOKE", "DENY", "PUT", "GET", "REMOVE", "LIST", "RESTORE", "FSCK", "CONVERT", "SYNC",
            "ANALYZE", "LOAD", "ADD", "DECLARE");
    private static final Set<String> QUERY_LEADING = Set.of("SELECT", "WITH", "VALUES", "FROM", "TABLE", "DESCRIBE",
            "DESC", "EXPLAIN");
    private static final Set<String> DML_LEADING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

    /** Translates one statement. */
    public Translation translate(String sql, SessionContext ctx) throws WarehouseSqlException {
        List<SqlToken> tokens = significant(SqlTokenizer.tokenize(sql));
        if (tokens.isEmpty()) {
            throw WarehouseSqlException.parseError("Syntax error at or near end of input.");
        }
        for (SqlToken token : tokens) {
            if (token.isSymbol(";")) {
                throw WarehouseSqlException.parseError("Syntax error at or near ';': only one statement is allowed.");
            }
        }
        checkSupported(tokens);
        String first = tokens.get(0).text().toUpperCase(Locale.ROOT);
        String second = tokens.size() > 1 ? tokens.get(1).text().toUpperCase(Locale.ROOT) : "";
        switch (first) {
            case "USE" :
                return use(tokens.subList(1, tokens.size()));
            case "SET" :
                return set(tokens);
            case "RESET" :
                return command(List.of());
            case "SHOW" :
                return ShowStatements.translate(tokens, ctx);
            case "COPY" :
                if (second.equals("INTO")) {
                    return CopyIntoParser.parse(tokens, ctx);
                }
                throw WarehouseSqlException.unsupported("COPY statements other than COPY INTO");
            case "CREATE", "DROP" :
                if (VolumeStatements.isVolumeDdl(tokens)) {
                    return VolumeStatements.ddl(tokens, ctx);
                }
                if (second.equals("CATALOG")) {
                    return catalogStatement(first, tokens);
                }
                if (second.equals("SCHEMA") || second.equals("DATABASE")) {
                    return schemaStatement(first, tokens, ctx);
                }
                break;
            case "DESCRIBE", "DESC" :
                if (DescribeStatements.isDescribeTable(tokens)) {
                    return DescribeStatements.translate(tokens, ctx);
                }
                break;
            case "INSERT" :
                if (second.equals("OVERWRITE")) {
                    throw WarehouseSqlException.unsupported("INSERT OVERWRITE");
                }
                break;
            default :
                break;
        }
        TokenRewriter emitter = new TokenRewriter(tokens, ctx, first);
        String duck = emitter.emit(0, tokens.size());
        Translation.Kind kind = QUERY_LEADING.contains(first) ? Translation.Kind.QUERY
                : DML_LEADING.contains(first) ? Translation.Kind.DML : Translation.Kind.COMMAND;
        return new Translation(kind, List.of(duck), null, null, null, null, emitter.parameterNames(), emitter.tables());
    }

    private static List<SqlToken> significant(List<SqlToken> all) {
        List<SqlToken> out = new ArrayList<>();
        for (SqlToken t : all) {
            if (!t.isTrivia()) {
                out.add(t);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isSymbol(";")) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static void checkSupported(List<SqlToken> tokens) throws WarehouseSqlException {
        String first = tokens.get(0).text().toUpperCase(Locale.ROOT);
        if (tokens.get(0).kind() == Kind.WORD && UNSUPPORTED_LEADING.contains(first)) {
            throw WarehouseSqlException.unsupported(first + " statements");
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if ((tokens.get(i).isWord("VERSION") || tokens.get(i).isWord("TIMESTAMP"))
                    && tokens.get(i + 1).isWord("AS") && tokens.get(i + 2).isWord("OF")) {
                throw WarehouseSqlException.unsupported("Delta time travel (" + tokens.get(i).text() + " AS OF)");
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isWord("DESCRIBE") && tokens.get(i + 1).isWord("HISTORY")) {
                throw WarehouseSqlException.unsupported("DESCRIBE HISTORY");
            }
            if (t.isWord("LATERAL") && tokens.get(i + 1).isWord("VIEW")) {
                throw WarehouseSqlException.unsupported("LATERAL VIEW");
            }
            if ((t.isWord("SHALLOW") || t.isWord("DEEP")) && tokens.get(i + 1).isWord("CLONE")) {
                throw WarehouseSqlException.unsupported("CLONE");
            }
            if (t.isWord("ZORDER")) {
                throw WarehouseSqlException.unsupported("ZORDER");
            }
        }
    }

    private static Translation command(List<String> duck) {
        return new Translation(Translation.Kind.COMMAND, duck, null, null, null, null, List.of(), Set.of());
    }

    private static Translation use(List<SqlToken> rest) throws WarehouseSqlException {
        if (rest.isEmpty()) {
            throw WarehouseSqlException.parseError("Syntax error at or near end of input: USE needs a name.");
        }
        if (rest.get(0).isWord("CATALOG")) {
            return useOf(name(rest, 1), "default");
        }
        int from = rest.get(0).isWord("SCHEMA") || rest.get(0).isWord("DATABASE") ? 1 : 0;
        List<String> parts = dotted(rest, from);
        if (parts.size() == 1) {
            return useOf(null, parts.get(0));
        }
        if (parts.size() == 2) {
            return useOf(parts.get(0), parts.get(1));
        }
        throw WarehouseSqlException.parseError("Syntax error at or near '" + String.join(".", parts) + "'.");
    }

    private static Translation useOf(String catalog, String schema) {
        return new Translation(Translation.Kind.USE, List.of(), catalog, schema, null, null, List.of(), Set.of());
    }

    private static Translation set(List<SqlToken> tokens) throws WarehouseSqlException {
        if (tokens.size() == 1) {
            return new Translation(Translation.Kind.SET, List.of(), null, null, null, null, List.of(), Set.of());
        }
        if (tokens.get(1).isWord("CATALOG")) {
            return useOf(name(tokens, 2), "default");
        }
        if (tokens.get(1).isWord("VARIABLE") || tokens.get(1).isWord("VAR")) {
            throw WarehouseSqlException.unsupported("session variables (SET VARIABLE)");
        }
        StringBuilder key = new StringBuilder();
        int i = 1;
        if (tokens.get(1).isWord("TIME") && tokens.size() > 2 && tokens.get(2).isWord("ZONE")) {
            key.append("timezone");
            i = 3;
        } else {
            while (i < tokens.size() && !tokens.get(i).isSymbol("=")) {
                key.append(tokens.get(i).kind() == Kind.BACKTICK_IDENT ? tokens.get(i).identifierName()
                        : tokens.get(i).text());
                i++;
            }
            if (i < tokens.size()) {
                i++; // '='
            } else {
                return new Translation(Translation.Kind.SET, List.of(), null, null, key.toString(), null, List.of(),
                        Set.of());
            }
        }
        StringBuilder value = new StringBuilder();
        for (; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            value.append(t.kind() == Kind.STRING ? SqlTokenizer.stringValue(t) : t.text());
        }
        return new Translation(Translation.Kind.SET, List.of(), null, null, key.toString(), value.toString(),
                List.of(), Set.of());
    }

    private static Translation catalogStatement(String verb, List<SqlToken> tokens) throws WarehouseSqlException {
        int i = 2;
        boolean conditional = false;
        if (verb.equals("CREATE") && tokens.size() > i + 2 && tokens.get(i).isWord("IF")) {
            conditional = true;
            i += 3; // IF NOT EXISTS
        } else if (verb.equals("DROP") && tokens.size() > i + 1 && tokens.get(i).isWord("IF")) {
            conditional = true;
            i += 2; // IF EXISTS
        }
        String duckName = CatalogNames.quote(CatalogNames.toDuck(name(tokens, i)));
        if (verb.equals("CREATE")) {
            return command(List.of("ATTACH " + (conditional ? "IF NOT EXISTS " : "") + "':memory:' AS " + duckName,
                    "CREATE SCHEMA IF NOT EXISTS " + duckName + ".\"default\""));
        }
        return command(List.of("DETACH " + (conditional ? "IF EXISTS " : "") + duckName));
    }

    private static Translation schemaStatement(String verb, List<SqlToken> tokens, SessionContext ctx)
            throws WarehouseSqlException {
        int i = 2;
        String condition = "";
        if (verb.equals("CREATE") && tokens.size() > i + 2 && tokens.get(i).isWord("IF")) {
            condition = "IF NOT EXISTS ";
            i += 3;
        } else if (verb.equals("DROP") && tokens.size() > i + 1 && tokens.get(i).isWord("IF")) {
            condition = "IF EXISTS ";
            i += 2;
        }
        List<String> parts = dotted(tokens, i);
        String catalog = parts.size() == 2 ? parts.get(0) : ctx.catalog();
        String schema = parts.get(parts.size() - 1);
        boolean cascade = tokens.get(tokens.size() - 1).isWord("CASCADE");
        return command(List.of(verb + " SCHEMA " + condition + CatalogNames.quote(CatalogNames.toDuck(catalog)) + "."
                + CatalogNames.quote(schema) + (cascade ? " CASCADE" : "")));
    }

    static String name(List<SqlToken> tokens, int index) throws WarehouseSqlException {
        if (index >= tokens.size()) {
            throw WarehouseSqlException.parseError("Syntax error at or near end of input: a name is expected.");
        }
        SqlToken t = tokens.get(index);
        if (t.kind() == Kind.STRING) {
            return SqlTokenizer.stringValue(t);
        }
        if (!t.isIdentifier()) {
            throw WarehouseSqlException.parseError("Syntax error at or near '" + t.text() + "'.");
        }
        return t.identifierName();
    }

    static List<String> dotted(List<SqlToken> tokens, int from) throws WarehouseSqlException {
        List<String> parts = new ArrayList<>();
        parts.add(name(tokens, from));
        int i = from + 1;
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
            parts.add(name(tokens, i + 1));
            i += 2;
        }
        return parts;
    }
}
