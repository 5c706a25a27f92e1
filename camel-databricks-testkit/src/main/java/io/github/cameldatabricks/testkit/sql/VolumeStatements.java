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
import java.util.Set;

import io.github.cameldatabricks.testkit.sql.SqlToken.Kind;

/**
 * Parses {@code CREATE VOLUME [IF NOT EXISTS] name [COMMENT '...']}, {@code DROP VOLUME [IF EXISTS] name} and
 * {@code SHOW VOLUMES [{IN | FROM} schema] [[LIKE] 'pattern']}; one- and two-part names resolve against the session's
 * current catalog and schema. Only managed volumes exist here: {@code EXTERNAL} and {@code LOCATION} are refused.
 */
final class VolumeStatements {

    private VolumeStatements() {
    }

    /** Whether the statement starting with these tokens is CREATE [EXTERNAL] VOLUME or DROP VOLUME. */
    static boolean isVolumeDdl(List<SqlToken> tokens) {
        return tokens.size() > 1 && (tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("DROP"))
                && (tokens.get(1).isWord("VOLUME")
                        || tokens.get(1).isWord("EXTERNAL") && tokens.size() > 2 && tokens.get(2).isWord("VOLUME"));
    }

    static Translation ddl(List<SqlToken> tokens, SessionContext ctx) throws WarehouseSqlException {
        boolean create = tokens.get(0).isWord("CREATE");
        if (tokens.get(1).isWord("EXTERNAL")) {
            throw WarehouseSqlException.unsupported("external volumes (CREATE EXTERNAL VOLUME)");
        }
        int i = 2;
        boolean conditional = false;
        if (create && i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")
                && tokens.get(i + 2).isWord("EXISTS")) {
            conditional = true;
            i += 3;
        } else if (!create && i + 1 < tokens.size() && tokens.get(i).isWord("IF")
                && tokens.get(i + 1).isWord("EXISTS")) {
            conditional = true;
            i += 2;
        }
        List<String> parts = SparkSqlTranslator.dotted(tokens, i);
        if (parts.size() > 3) {
            throw WarehouseSqlException.parseError("Syntax error at or near '" + String.join(".", parts)
                    + "': a volume name has at most three parts.");
        }
        i += 2 * parts.size() - 1;
        while (create && i < tokens.size()) {
            if (tokens.get(i).isWord("LOCATION")) {
                throw WarehouseSqlException.unsupported("external volumes (LOCATION)");
            }
            if (tokens.get(i).isWord("COMMENT") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.STRING) {
                i += 2;
                continue;
            }
            break;
        }
        if (i < tokens.size()) {
            throw WarehouseSqlException.parseError("Syntax error at or near '" + tokens.get(i).text() + "'.");
        }
        String volume = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : ctx.schema();
        String catalog = parts.size() == 3 ? parts.get(0) : ctx.catalog();
        VolumeCommand.Verb verb = create ? VolumeCommand.Verb.CREATE : VolumeCommand.Verb.DROP;
        return Translation.of(Translation.Kind.VOLUME,
                new VolumeCommand(verb, catalog, schema, volume, conditional, null), Set.of());
    }

    static Translation show(List<SqlToken> tokens, SessionContext ctx) throws WarehouseSqlException {
        String catalog = ctx.catalog();
        String schema = ctx.schema();
        int i = 2;
        if (i < tokens.size() && (tokens.get(i).isWord("IN") || tokens.get(i).isWord("FROM"))) {
            List<String> parts = SparkSqlTranslator.dotted(tokens, i + 1);
            if (parts.size() > 2) {
                throw WarehouseSqlException.parseError("Syntax error at or near '" + String.join(".", parts) + "'.");
            }
            schema = parts.get(parts.size() - 1);
            catalog = parts.size() == 2 ? parts.get(0) : catalog;
            i += 2 * parts.size();
        }
        String like = null;
        if (i < tokens.size() && tokens.get(i).isWord("LIKE")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Kind.STRING) {
            like = SqlTokenizer.stringValue(tokens.get(i));
            i++;
        }
        if (i < tokens.size()) {
            throw WarehouseSqlException.parseError("Syntax error at or near '" + tokens.get(i).text() + "'.");
        }
        return Translation.of(Translation.Kind.VOLUME,
                new VolumeCommand(VolumeCommand.Verb.SHOW, catalog, schema, null, false, like), Set.of());
    }
}
