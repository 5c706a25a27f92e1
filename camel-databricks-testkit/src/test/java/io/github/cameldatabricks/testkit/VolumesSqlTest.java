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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** CREATE VOLUME, DROP VOLUME and SHOW VOLUMES through the real driver. */
class VolumesSqlTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static SQLException failure(Connection c, String sql) {
        try {
            Jdbc.update(c, sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Test
    void volumesAreCreatedShownAndDropped() throws Exception {
        String schema = Jdbc.uniqueTable("vols");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE SCHEMA main." + schema);
            Jdbc.update(c, "CREATE VOLUME main." + schema + ".landing COMMENT 'staged batches'");
            Jdbc.update(c, "USE SCHEMA " + schema);
            Jdbc.update(c, "CREATE VOLUME IF NOT EXISTS landing");
            Jdbc.update(c, "CREATE VOLUME " + schema + ".archive");
            assertThat(WAREHOUSE.warehouse().volumes().exists("main", schema, "landing")).isTrue();

            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW VOLUMES IN main." + schema)) {
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("database_name");
                assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("volume_name");
                assertThat(Jdbc.rows(rs)).containsExactly(List.of(schema, "archive"), List.of(schema, "landing"));
            }
            assertThat(Jdbc.query(c, "SHOW VOLUMES LIKE 'land*'")).containsExactly(List.of(schema, "landing"));

            Jdbc.update(c, "DROP VOLUME landing");
            Jdbc.update(c, "DROP VOLUME IF EXISTS landing");
            assertThat(Jdbc.query(c, "SHOW VOLUMES")).containsExactly(List.of(schema, "archive"));
        }
    }

    @Test
    void errorsAreReportedAsDatabricksDoes() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            SQLException noSchema = failure(c, "CREATE VOLUME main.no_such_schema.v");
            assertThat(noSchema.getSQLState()).isEqualTo("42704");
            assertThat(noSchema.getMessage()).contains("[SCHEMA_NOT_FOUND]");

            String volume = Jdbc.uniqueTable("dup");
            Jdbc.update(c, "CREATE VOLUME " + volume);
            SQLException exists = failure(c, "CREATE VOLUME " + volume);
            assertThat(exists.getSQLState()).isEqualTo("42000");
            assertThat(exists.getMessage()).contains("[VOLUME_ALREADY_EXISTS]");

            SQLException missing = failure(c, "DROP VOLUME main.default.no_such_volume");
            assertThat(missing.getSQLState()).isEqualTo("42704");
            assertThat(missing.getMessage()).contains("[UC_VOLUME_NOT_FOUND]", "`main`.`default`.`no_such_volume`");

            SQLException external = failure(c, "CREATE EXTERNAL VOLUME main.default.ext LOCATION 's3://b/p'");
            assertThat(external.getSQLState()).isEqualTo("0A000");
        }
    }
}
