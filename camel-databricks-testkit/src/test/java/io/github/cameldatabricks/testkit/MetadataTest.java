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
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** DatabaseMetaData through the metadata RPCs. */
class MetadataTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static List<String> column(ResultSet rs, String name) throws Exception {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(name));
            }
        }
        return out;
    }

    @Test
    void catalogsSchemasTablesAndColumns() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            DatabaseMetaData md = c.getMetaData();
            assertThat(column(md.getCatalogs(), "TABLE_CAT")).contains("main", "samples", "system")
                    .doesNotContain("memory", "dbx_main");
            assertThat(column(md.getSchemas("samples", "%"), "TABLE_SCHEM")).contains("nyctaxi", "default");
            assertThat(column(md.getTables("samples", "nyctaxi", "%", null), "TABLE_NAME")).containsExactly("trips");
            ResultSet columns = md.getColumns("samples", "nyctaxi", "trips", "%");
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
                types.add(columns.getString("TYPE_NAME"));
            }
            assertThat(names).containsExactly("tpep_pickup_datetime", "tpep_dropoff_datetime", "trip_distance",
                    "fare_amount", "pickup_zip", "dropoff_zip");
            assertThat(types).containsExactly("TIMESTAMP", "TIMESTAMP", "DOUBLE", "DOUBLE", "INT", "INT");
        }
    }
}
