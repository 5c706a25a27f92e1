package io.github.cameldatabricks.testkit.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * The thin dialect layer: accepts the Spark SQL forms integrations commonly send (backtick identifiers,
 * double-quoted strings, {@code current_timestamp()}, {@code date_sub}, {@code USE CATALOG}, three-part names on
 * catalogs DuckDB reserves, {@code USING DELTA}, ...) and rewrites them for DuckDB. Statements that rely on
 * something a DuckDB-backed emulator cannot honour are rejected with {@code UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE}
 * rather than silently behaving differently.
 */
public final class SparkSqlTranslator {

    private static final Set<String> UNSUPPORTED_LEADING = Set.of("OPTIMIZE", "VACUUM", "MSCK", "REFRESH", "CACHE",
            "UNCACHE", "GRANT", "REVOKE", "DENY", "PUT", "GET", "REMOVE", "LIST", "RESTORE", "FSCK", "CONVERT", "SYNC",
            "ANALYZE", "COPY", "LOAD", "ADD", "DECLARE");
    private static final Set<String> QUERY_LEADING = Set.of("SELECT", "WITH", "VALUES", "FROM", "TABLE", "DESCRIBE",
            "DESC", "EXPLAIN");
    private static final Set<String> DML_LEADING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> TABLE_CONTEXT = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "DESCRIBE",
            "DESC");

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
            case "USE":
                return use(tokens.subList(1, tokens.size()));
            case "SET":
                return set(tokens);
            case "RESET":
                return command(List.of());
            case "SHOW":
                return ShowStatements.translate(tokens, ctx);
            case "CREATE", "DROP":
                if (second.equals("CATALOG")) {
                    return catalogStatement(first, tokens);
                }
                if (second.equals("SCHEMA") || second.equals("DATABASE")) {
                    return schemaStatement(first, tokens, ctx);
                }
                break;
            case "INSERT":
                if (second.equals("OVERWRITE")) {
                    throw WarehouseSqlException.unsupported("INSERT OVERWRITE");
                }
                break;
            default:
                break;
        }
        Emitter emitter = new Emitter(tokens, ctx, first);
        String duck = emitter.emit(0, tokens.size());
        Translation.Kind kind = QUERY_LEADING.contains(first) ? Translation.Kind.QUERY
                : DML_LEADING.contains(first) ? Translation.Kind.DML : Translation.Kind.COMMAND;
        return new Translation(kind, List.of(duck), null, null, null, null, emitter.parameterNames, emitter.tables);
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

    /** Rewrites a general statement token by token. */
    private static final class Emitter {
        private final List<SqlToken> tokens;
        private final SessionContext ctx;
        private final String leading;
        private final List<String> parameterNames = new ArrayList<>();
        private final Set<TableName> tables = new LinkedHashSet<>();

        Emitter(List<SqlToken> tokens, SessionContext ctx, String leading) {
            this.tokens = tokens;
            this.ctx = ctx;
            this.leading = leading;
        }

        String emit(int from, int to) throws WarehouseSqlException {
            StringBuilder out = new StringBuilder();
            boolean tableContext = false;
            int i = from;
            while (i < to) {
                SqlToken t = tokens.get(i);
                String piece;
                if (t.isIdentifier()) {
                    int end = chainEnd(i, to);
                    boolean call = end < to && tokens.get(end).isSymbol("(");
                    if (end == i + 1 && t.kind() == Kind.WORD) {
                        String upper = t.text().toUpperCase(Locale.ROOT);
                        if (call) {
                            int close = matchingParen(end, to);
                            piece = function(t.text(), end + 1, close);
                            i = close + 1;
                            append(out, piece);
                            continue;
                        }
                        if (tableContext && !isKeywordAfterTableContext(upper)) {
                            tables.add(resolve(List.of(t.text())));
                            tableContext = false;
                            piece = t.text();
                        } else if (upper.equals("TABLE") && i > from && tokens.get(i - 1).isWord("INTO")) {
                            piece = ""; // INSERT INTO TABLE t -> INSERT INTO t
                        } else if (upper.equals("USING") && leading.equals("CREATE") && i + 1 < to
                                && tokens.get(i + 1).kind() == Kind.WORD) {
                            i += 2; // USING DELTA / PARQUET: DuckDB tables have no storage format clause
                            continue;
                        } else if ((upper.equals("TBLPROPERTIES") || upper.equals("OPTIONS"))
                                && leading.equals("CREATE") && i + 1 < to && tokens.get(i + 1).isSymbol("(")) {
                            i = matchingParen(i + 1, to) + 1;
                            continue;
                        } else if ((upper.equals("PARTITIONED") || upper.equals("CLUSTER")) && leading.equals("CREATE")
                                && i + 2 < to && tokens.get(i + 1).isWord("BY") && tokens.get(i + 2).isSymbol("(")) {
                            i = matchingParen(i + 2, to) + 1;
                            continue;
                        } else if ((upper.equals("COMMENT") || upper.equals("LOCATION")) && leading.equals("CREATE")
                                && i + 1 < to && tokens.get(i + 1).kind() == Kind.STRING) {
                            i += 2;
                            continue;
                        } else {
                            piece = keyword(upper, t.text());
                            tableContext = TABLE_CONTEXT.contains(upper)
                                    || (upper.equals("USING") && leading.equals("MERGE"));
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
                    }
                    append(out, chain.toString());
                    i = end;
                    continue;
                }
                tableContext = false;
                switch (t.kind()) {
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
                    args.add(new int[] { start, k });
                    start = k + 1;
                }
            }
            if (to > from) {
                args.add(new int[] { start, to });
            }
            return args;
        }

        private String keyword(String upper, String text) {
            return switch (upper) {
                case "CURRENT_TIMESTAMP" -> "CAST(current_timestamp AS TIMESTAMP)";
                case "CURRENT_USER" -> CatalogNames.literal(ctx.principal());
                case "TIMESTAMP_NTZ", "TIMESTAMP_LTZ" -> "TIMESTAMP";
                default -> text;
            };
        }

        private String function(String name, int argsFrom, int argsTo) throws WarehouseSqlException {
            List<int[]> argRanges = arguments(argsFrom, argsTo);
            List<String> args = new ArrayList<>();
            for (int[] r : argRanges) {
                args.add(emit(r[0], r[1]));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "current_timestamp", "now":
                    return "CAST(current_timestamp AS TIMESTAMP)";
                case "current_date":
                    return "current_date";
                case "current_user", "user", "session_user":
                    return CatalogNames.literal(ctx.principal());
                case "current_catalog":
                    return CatalogNames.literal(ctx.catalog());
                case "current_schema", "current_database":
                    return CatalogNames.literal(ctx.schema());
                case "version", "current_version":
                    return CatalogNames.literal("LocalWarehouse (DuckDB)");
                case "date_sub", "date_add":
                    requireArgs(name, args, 2);
                    return "(CAST(" + args.get(0) + " AS DATE) " + (lower.equals("date_sub") ? "-" : "+")
                            + " CAST(" + args.get(1) + " AS INTEGER))";
                case "datediff":
                    requireArgs(name, args, 2);
                    return "(CAST(" + args.get(0) + " AS DATE) - CAST(" + args.get(1) + " AS DATE))";
                case "nvl":
                    return "coalesce(" + String.join(", ", args) + ")";
                case "to_date":
                    if (args.size() == 1) {
                        return "CAST(" + args.get(0) + " AS DATE)";
                    }
                    throw WarehouseSqlException.unsupported("to_date with a format argument");
                default:
                    return name + "(" + String.join(", ", args) + ")";
            }
        }

        private static void requireArgs(String name, List<String> args, int count) throws WarehouseSqlException {
            if (args.size() != count) {
                throw new WarehouseSqlException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
                        "The `" + name + "` requires " + count + " parameters but the actual number is "
                                + args.size() + ".",
                        false);
            }
        }

        private TableName resolve(List<String> parts) {
            return switch (parts.size()) {
                case 1 -> new TableName(ctx.catalog(), ctx.schema(), parts.get(0));
                case 2 -> new TableName(ctx.catalog(), parts.get(0), parts.get(1));
                default -> new TableName(parts.get(parts.size() - 3), parts.get(parts.size() - 2),
                        parts.get(parts.size() - 1));
            };
        }
    }
}
