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

/**
 * Spark's complex value constructors as DuckDB literals: {@code map(k1, v1, ...)} as {@code MAP {k1: v1, ...}},
 * {@code named_struct('a', 1, ...)} and {@code struct(...)} as {@code {'a': 1, ...}}. {@code struct} names a field
 * after its column ({@code struct(a)}), its alias ({@code struct(1 AS x)}) or else {@code col1, col2, ...}, as Spark's
 * {@code CreateStruct} does.
 */
final class ComplexConstructors {

    private ComplexConstructors() {
    }

    static String map(List<String> args) throws WarehouseSqlException {
        if (args.size() % 2 != 0) {
            throw new WarehouseSqlException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605", "The `map` requires an"
                    + " even number of parameters but the actual number is " + args.size() + ".", false);
        }
        StringBuilder out = new StringBuilder("MAP {");
        for (int i = 0; i < args.size(); i += 2) {
            out.append(i == 0 ? "" : ", ").append(args.get(i)).append(": ").append(args.get(i + 1));
        }
        return out.append('}').toString();
    }

    static String namedStruct(List<String> args) throws WarehouseSqlException {
        if (args.size() % 2 != 0 || args.isEmpty()) {
            throw new WarehouseSqlException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605", "The `named_struct`"
                    + " requires an even number of parameters but the actual number is " + args.size() + ".", false);
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("'")) {
                throw new WarehouseSqlException("DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
                        "42K09", "Only foldable STRING expressions are allowed to appear at odd position, got "
                                + args.get(i) + ".",
                        false);
            }
            out.append(i == 0 ? "" : ", ").append(args.get(i)).append(": ").append(args.get(i + 1));
        }
        return out.append('}').toString();
    }

    static String struct(List<SqlToken> tokens, List<int[]> ranges, List<String> args) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < args.size(); i++) {
            int[] r = ranges.get(i);
            String name = "col" + (i + 1);
            String value = args.get(i);
            SqlToken last = tokens.get(r[1] - 1);
            if (r[1] - r[0] >= 3 && tokens.get(r[1] - 2).isWord("AS") && last.isIdentifier()) {
                name = last.identifierName();
                value = value.substring(0, value.toUpperCase(Locale.ROOT).lastIndexOf(" AS "));
            } else if (r[1] - r[0] == 1 && last.isIdentifier()) {
                name = last.identifierName();
            } else if (r[1] - r[0] >= 3 && last.isIdentifier() && tokens.get(r[1] - 2).isSymbol(".")) {
                name = last.identifierName(); // t.a
            }
            out.append(i == 0 ? "" : ", ").append(CatalogNames.literal(name)).append(": ").append(value);
        }
        return out.append('}').toString();
    }
}
