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
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Large results arrive in pages: direct results first, then FetchResults while hasMoreRows. */
class PagingTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(100_000).maxPageRows(20_000));

    @Test
    void hundredThousandRowsArePagedInOrder() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT row_number() OVER (ORDER BY tpep_pickup_datetime, fare_amount, pickup_zip) AS n,"
                                + " fare_amount FROM samples.nyctaxi.trips ORDER BY n")) {
            long expected = 1;
            double fares = 0;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
                fares += rs.getDouble(2);
            }
            assertThat(expected - 1).isEqualTo(100_000);
            assertThat(fares).isPositive();
        }
        long fetches = WAREHOUSE.audit().count("fetchResults");
        assertThat(fetches).as("pages after the inline first page").isGreaterThanOrEqualTo(4);
    }

    @Test
    void maxRowsLimitsTheResult() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ""); Statement s = c.createStatement()) {
            s.setMaxRows(7);
            try (ResultSet rs = s.executeQuery("SELECT * FROM samples.nyctaxi.trips")) {
                assertThat(Jdbc.rows(rs)).hasSize(7);
            }
        }
    }

    @Test
    void sampleDataIsDeterministic() throws Exception {
        try (LocalWarehouse other = LocalWarehouse.builder().sampleRows(1000).build().start();
                Connection a = Jdbc.connect(other, "");
                Connection b = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            String sql = "SELECT tpep_pickup_datetime, trip_distance, fare_amount, pickup_zip, dropoff_zip"
                    + " FROM samples.nyctaxi.trips ORDER BY tpep_pickup_datetime, fare_amount, pickup_zip LIMIT 5";
            String firstThousand = "SELECT sum(fare_amount), min(pickup_zip), max(dropoff_zip) FROM"
                    + " (SELECT * FROM samples.nyctaxi.trips LIMIT 1000)";
            assertThat(Jdbc.query(a, "SELECT count(*) FROM samples.nyctaxi.trips").get(0).get(0)).isEqualTo(1000L);
            assertThat(Jdbc.query(a, firstThousand)).isEqualTo(Jdbc.query(b, firstThousand));
            assertThat(Jdbc.query(a, sql)).hasSize(5);
        }
    }
}
