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

import java.sql.SQLException;

/**
 * Seeds {@code samples.nyctaxi.trips} with the column names and types of the Databricks sample table and deterministic
 * values (the same row count always gives the same rows).
 */
final class SampleData {

    /** The real {@code samples.nyctaxi.trips} has 21,932 rows. */
    static final int DEFAULT_TRIPS = 21_932;

    private SampleData() {
    }

    static void createTrips(DuckDbEngine engine, int rows) throws SQLException {
        if (rows < 0) {
            throw new IllegalArgumentException("sample rows must be >= 0 but was " + rows);
        }
        engine.execute("CREATE TABLE samples.nyctaxi.trips AS SELECT"
                + " CAST(TIMESTAMP '2016-01-01 00:00:00' + to_seconds((i * 7919) % 5184000) AS TIMESTAMP)"
                + "   AS tpep_pickup_datetime,"
                + " CAST(TIMESTAMP '2016-01-01 00:00:00' + to_seconds((i * 7919) % 5184000 + 180 + (i * 31) % 3000)"
                + "   AS TIMESTAMP) AS tpep_dropoff_datetime,"
                + " CAST(round(0.3 + ((i * 131) % 2000) / 100.0, 2) AS DOUBLE) AS trip_distance,"
                + " CAST(round(2.5 + ((i * 37) % 6000) / 100.0, 2) AS DOUBLE) AS fare_amount,"
                + " CAST(10001 + (i * 17) % 300 AS INTEGER) AS pickup_zip,"
                + " CAST(10001 + (i * 29) % 300 AS INTEGER) AS dropoff_zip"
                + " FROM range(" + rows + ") AS r(i) ORDER BY i");
    }
}
