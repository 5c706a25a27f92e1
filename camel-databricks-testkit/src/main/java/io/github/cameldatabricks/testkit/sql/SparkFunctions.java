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

import java.util.List;
import java.util.Locale;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * Spark SQL functions and niladic keywords that DuckDB spells or types differently, as DuckDB expressions: session
 * functions answered from the session (user, catalog, schema), date arithmetic, complex-type constructors and
 * accessors, Spark's INT sizes. Anything else passes through by name.
 */
final class SparkFunctions {

    private SparkFunctions() {
    }

    /** A keyword that is a value in Spark SQL, e.g. {@code current_user} without parentheses. */
    static String keyword(String upper, String text, SessionContext ctx) {
        return switch (upper) {
            case "CURRENT_TIMESTAMP" -> "CAST(current_timestamp AS TIMESTAMP)";
            case "CURRENT_USER" -> CatalogNames.literal(ctx.principal());
            case "TIMESTAMP_NTZ", "TIMESTAMP_LTZ" -> "TIMESTAMP";
            default -> text;
        };
    }

    /**
     * A call of {@code name} with its arguments already rewritten ({@code args}), their token ranges and the
     * statement's tokens (some translations look at how an argument was written).
     */
    static String call(String name, List<String> args, List<int[]> argRanges, List<SqlToken> tokens,
            SessionContext ctx) throws WarehouseSqlException {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "current_timestamp", "now" :
                return "CAST(current_timestamp AS TIMESTAMP)";
            case "current_date" :
                return "current_date";
            case "current_user", "user", "session_user" :
                return CatalogNames.literal(ctx.principal());
            case "current_catalog" :
                return CatalogNames.literal(ctx.catalog());
            case "current_schema", "current_database" :
                return CatalogNames.literal(ctx.schema());
            case "version", "current_version" :
                return CatalogNames.literal("LocalWarehouse (DuckDB)");
            case "date_sub", "date_add" :
                requireArgs(name, args, 2);
                return "(CAST(" + args.get(0) + " AS DATE) " + (lower.equals("date_sub") ? "-" : "+")
                        + " CAST(" + args.get(1) + " AS INTEGER))";
            case "datediff" :
                requireArgs(name, args, 2);
                return "(CAST(" + args.get(0) + " AS DATE) - CAST(" + args.get(1) + " AS DATE))";
            case "timestamp" :
                requireArgs(name, args, 1);
                return "CAST(CAST(" + args.get(0) + " AS TIMESTAMPTZ) AS TIMESTAMP)";
            case "array" :
                return "[" + String.join(", ", args) + "]";
            case "map" :
                return ComplexConstructors.map(args);
            case "named_struct" :
                return ComplexConstructors.namedStruct(args);
            case "struct" :
                return ComplexConstructors.struct(tokens, argRanges, args);
            case "element_at", "try_element_at", "get" :
                requireArgs(name, args, 2);
                int[] index = argRanges.get(1);
                boolean bareParameter = index[1] == index[0] + 1 && tokens.get(index[0]).kind() == Kind.PARAMETER;
                return (lower.equals("get") ? SparkMacros.GET : lower.equals("element_at") ? SparkMacros.ELEMENT_AT
                        : SparkMacros.TRY_ELEMENT_AT) + "(" + args.get(0) + ", "
                        + (bareParameter ? "CAST(" + args.get(1) + " AS BIGINT)" : args.get(1)) + ")";
            case "size", "cardinality" :
                // DuckDB's cardinality takes a list or a map and returns UBIGINT; Spark's size is an INT, and NULL
                // for NULL with ANSI mode on (a SQL warehouse's default; -1 is the legacy behaviour)
                requireArgs(name, args, 1);
                return "CAST(cardinality(" + args.get(0) + ") AS INTEGER)";
            case "array_size" :
                requireArgs(name, args, 1);
                return "CAST(len(" + args.get(0) + ") AS INTEGER)";
            case "nvl" :
                return "coalesce(" + String.join(", ", args) + ")";
            case "to_date" :
                if (args.size() == 1) {
                    return "CAST(" + args.get(0) + " AS DATE)";
                }
                throw WarehouseSqlException.unsupported("to_date with a format argument");
            default :
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
}
