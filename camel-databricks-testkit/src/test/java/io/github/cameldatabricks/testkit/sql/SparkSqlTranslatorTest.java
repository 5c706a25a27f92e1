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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The dialect layer on its own: what it rewrites, what it records, what it refuses. */
class SparkSqlTranslatorTest {

    private final SparkSqlTranslator translator = new SparkSqlTranslator();
    private final SessionContext ctx = new SessionContext() {
        @Override
        public String catalog() {
            return "main";
        }

        @Override
        public String schema() {
            return "default";
        }

        @Override
        public String principal() {
            return "o'brien@example.com";
        }
    };

    private Translation translate(String sql) throws WarehouseSqlException {
        return translator.translate(sql, ctx);
    }

    @Test
    void backticksAndReservedCatalogsAreRewritten() throws Exception {
        Translation t = translate("SELECT `a b` FROM `main`.default.`t` WHERE x = \"it's\"");
        assertThat(t.duckSql()).containsExactly(
                "SELECT \"a b\" FROM \"dbx_main\".\"default\".\"t\" WHERE x = 'it''s'");
        assertThat(t.tables()).containsExactly(new TableName("main", "default", "t"));
        assertThat(t.kind()).isEqualTo(Translation.Kind.QUERY);
    }

    @Test
    void sessionFunctionsBecomeLiteralsAndEscapeQuotes() throws Exception {
        assertThat(translate("SELECT current_user(), current_catalog(), current_schema()").duckSql().get(0))
                .isEqualTo("SELECT 'o''brien@example.com' , 'main' , 'default'");
    }

    @Test
    void namedParametersBecomePositionalInOrder() throws Exception {
        Translation t = translate("SELECT * FROM t WHERE a = :first AND b IN (:second, ?)");
        assertThat(t.duckSql().get(0)).isEqualTo("SELECT * FROM t WHERE a = ? AND b IN(?, ?)");
        assertThat(t.parameterNames()).containsExactly("first", "second");
    }

    @Test
    void useAndSetAreSessionOperations() throws Exception {
        Translation use = translate("USE CATALOG samples");
        assertThat(use.kind()).isEqualTo(Translation.Kind.USE);
        assertThat(use.catalog()).isEqualTo("samples");
        assertThat(translate("USE samples.nyctaxi").schema()).isEqualTo("nyctaxi");
        Translation set = translate("SET spark.sql.shuffle.partitions = 8");
        assertThat(set.confKey()).isEqualTo("spark.sql.shuffle.partitions");
        assertThat(set.confValue()).isEqualTo("8");
    }

    @Test
    void dmlKindAndTablesAreRecognised() throws Exception {
        Translation t = translate("INSERT INTO TABLE samples.nyctaxi.trips SELECT * FROM other");
        assertThat(t.kind()).isEqualTo(Translation.Kind.DML);
        assertThat(t.duckSql().get(0)).startsWith("INSERT INTO \"samples\"");
        assertThat(t.tables()).containsExactly(new TableName("samples", "nyctaxi", "trips"),
                new TableName("main", "default", "other"));
    }

    @Test
    void createTableDropsDeltaOnlyClauses() throws Exception {
        String duck = translate("CREATE TABLE t (id INT COMMENT 'key', ts TIMESTAMP_NTZ) USING DELTA"
                + " PARTITIONED BY (id) TBLPROPERTIES ('delta.appendOnly' = 'true') COMMENT 'x'").duckSql().get(0);
        assertThat(duck).doesNotContain("DELTA", "TBLPROPERTIES", "PARTITIONED", "COMMENT").contains("TIMESTAMP");
    }

    @Test
    void unsupportedAndMalformedStatementsAreRefusedSynchronously() {
        assertThatThrownBy(() -> translate("VACUUM t")).isInstanceOfSatisfying(WarehouseSqlException.class, e -> {
            assertThat(e.getSqlState()).isEqualTo("0A000");
            assertThat(e.isSynchronous()).isTrue();
        });
        assertThatThrownBy(() -> translate("SELECT 1; SELECT 2"))
                .isInstanceOfSatisfying(WarehouseSqlException.class,
                        e -> assertThat(e.getSqlState()).isEqualTo("42601"));
        assertThatThrownBy(() -> translate("SELECT 'unclosed"))
                .isInstanceOfSatisfying(WarehouseSqlException.class, e -> assertThat(e.getErrorClass())
                        .isEqualTo("PARSE_SYNTAX_ERROR"));
        assertThatThrownBy(() -> translate("   ")).isInstanceOf(WarehouseSqlException.class);
    }

    @Test
    void catalogStatementsMapToAttach() throws Exception {
        assertThat(translate("CREATE CATALOG IF NOT EXISTS system").duckSql()).isEqualTo(List.of(
                "ATTACH IF NOT EXISTS ':memory:' AS \"dbx_system\"",
                "CREATE SCHEMA IF NOT EXISTS \"dbx_system\".\"default\""));
        assertThat(translate("DROP SCHEMA IF EXISTS main.s CASCADE").duckSql())
                .containsExactly("DROP SCHEMA IF EXISTS \"dbx_main\".\"s\" CASCADE");
    }

    @Test
    void copyIntoIsParsedIntoACommand() throws Exception {
        Translation t = translate("COPY INTO sales.`Orders` FROM '/Volumes/main/landing/v/in/'"
                + " FILEFORMAT = csv FILES = ('a.csv', 'b.csv') FORMAT_OPTIONS ('header' = 'true', 'SEP' = ';')"
                + " COPY_OPTIONS ('force' = 'true', 'mergeSchema' = 'false');");
        assertThat(t.kind()).isEqualTo(Translation.Kind.COPY_INTO);
        assertThat(t.tables()).containsExactly(new TableName("main", "sales", "orders"));
        CopyIntoCommand copy = (CopyIntoCommand) t.command();
        assertThat(copy.target()).isEqualTo(new TableName("main", "sales", "orders"));
        assertThat(copy.source()).isEqualTo("/Volumes/main/landing/v/in/");
        assertThat(copy.format()).isEqualTo("CSV");
        assertThat(copy.files()).containsExactly("a.csv", "b.csv");
        assertThat(copy.formatOptions()).containsEntry("header", "true").containsEntry("sep", ";");
        assertThat(copy.force()).isTrue();
        assertThat(((CopyIntoCommand) translate("COPY INTO t FROM '/Volumes/a/b/c' FILEFORMAT = JSON"
                + " PATTERN = '*.json'").command()).pattern()).isEqualTo("*.json");
    }

    @Test
    void copyIntoRefusesWhatItCannotHonour() {
        for (String sql : List.of("COPY INTO t FROM '/Volumes/a/b/c' FILEFORMAT = AVRO",
                "COPY INTO t FROM '/Volumes/a/b/c' FILEFORMAT = JSON COPY_OPTIONS ('mergeSchema' = 'true')",
                "COPY INTO t FROM (SELECT * FROM '/Volumes/a/b/c') FILEFORMAT = JSON",
                "COPY INTO t FROM '/Volumes/a/b/c' WITH (CREDENTIAL c) FILEFORMAT = JSON",
                "COPY INTO t FROM '/Volumes/a/b/c' FILEFORMAT = JSON VALIDATE ALL",
                "COPY t FROM 'x'")) {
            assertThatThrownBy(() -> translate(sql)).as(sql).isInstanceOfSatisfying(WarehouseSqlException.class,
                    e -> assertThat(e.getSqlState()).isEqualTo("0A000"));
        }
        assertThatThrownBy(() -> translate("COPY INTO t FROM '/Volumes/a/b/c' FILEFORMAT = JSON FILES 'x'"))
                .isInstanceOfSatisfying(WarehouseSqlException.class,
                        e -> assertThat(e.getErrorClass()).isEqualTo("PARSE_SYNTAX_ERROR"));
    }

    @Test
    void volumeStatementsResolveAgainstTheSession() throws Exception {
        VolumeCommand create = (VolumeCommand) translate("CREATE VOLUME IF NOT EXISTS landing COMMENT 'x'").command();
        assertThat(create).isEqualTo(new VolumeCommand(VolumeCommand.Verb.CREATE, "main", "default", "landing", true,
                null));
        VolumeCommand drop = (VolumeCommand) translate("DROP VOLUME raw.`Landing`").command();
        assertThat(drop).isEqualTo(new VolumeCommand(VolumeCommand.Verb.DROP, "main", "raw", "Landing", false, null));
        VolumeCommand show = (VolumeCommand) translate("SHOW VOLUMES FROM hive.raw LIKE 'l*'").command();
        assertThat(show).isEqualTo(new VolumeCommand(VolumeCommand.Verb.SHOW, "hive", "raw", null, false, "l*"));
        assertThat(translate("SHOW VOLUMES").kind()).isEqualTo(Translation.Kind.VOLUME);
    }

    @Test
    void subscriptsBecomeMacroCallsOnTheWholeBase() throws Exception {
        String sub = SparkMacros.SUBSCRIPT;
        assertThat(translate("SELECT tags[0], t.tags[1] FROM t WHERE m['k'] = 1").duckSql()).containsExactly(
                "SELECT " + sub + "(tags, 0) , " + sub + "(\"t\".\"tags\", 1) FROM t WHERE " + sub
                        + "(m, 'k') = 1");
        assertThat(translate("SELECT a[0][1], (x)[2], f(y)[i + 1], arr[0].k.m").duckSql()).containsExactly(
                "SELECT " + sub + "(" + sub + "(a, 0), 1) , " + sub + "(( x ), 2) , " + sub + "(f(y), i + 1) , "
                        + sub + "(arr, 0) .\"k\".\"m\"");
        assertThat(translate("SELECT coalesce(array(1, 2)[0], s.f(z)[1])").duckSql()).containsExactly(
                "SELECT coalesce(" + sub + "([1, 2], 0), " + sub + "(\"s\".\"f\" ( z ), 1))");
        // a parameter has no type when DuckDB binds the macro's overloads
        assertThat(translate("SELECT arr[?]").duckSql()).containsExactly(
                "SELECT " + sub + "(arr, CAST(? AS BIGINT))");
    }

    @Test
    void listLiteralsAndArrayTypesAreNotSubscripts() throws Exception {
        assertThat(translate("SELECT [1, 2] WHERE x IN [1]").duckSql()).containsExactly(
                "SELECT [ 1 , 2 ] WHERE x IN [ 1 ]");
        assertThat(translate("CREATE TABLE t (tags ARRAY<INT>)").duckSql()).containsExactly(
                "CREATE TABLE t ( tags INTEGER[] )");
    }

    @Test
    void typedNumericLiteralsBecomeCasts() throws Exception {
        assertThat(translate("SELECT 1.5D, 1L, 2S, 3Y, 1.5F, 1.50BD, 1e3D, 1e3, 7").duckSql()).containsExactly(
                "SELECT CAST(1.5 AS DOUBLE) , CAST(1 AS BIGINT) , CAST(2 AS SMALLINT) , CAST(3 AS TINYINT) ,"
                        + " CAST(1.5 AS FLOAT) , CAST(1.50 AS DECIMAL(3, 2)) , CAST(1e3 AS DOUBLE) , 1e3 , 7");
    }
}
