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
package io.github.cameldatabricks.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.testkit.LocalWarehouse;

/** The example as the README runs it: no Databricks environment, so it uses the embedded LocalWarehouse. */
class NycTaxiExampleTest {

    @Test
    void withoutDatabricksHostBothRoutesRunAgainstTheEmbeddedWarehouseAndWriteTheirResults(@TempDir Path out)
            throws Exception {
        NycTaxiExample.run(Map.of(), out.toString());

        List<String> zips = Files.readAllLines(out.resolve("top-pickup-zips.csv"));
        assertThat(zips.get(0)).isEqualTo("pickup_zip,trips,total_fare");
        assertThat(zips).hasSize(11);
        double previous = Double.MAX_VALUE;
        for (String line : zips.subList(1, zips.size())) {
            double total = Double.parseDouble(line.split(",")[2]);
            assertThat(total).as("ordered by total fare, descending").isLessThanOrEqualTo(previous);
            previous = total;
        }

        List<String> hours = Files.readAllLines(out.resolve("fares-by-hour.csv"));
        assertThat(hours.get(0)).isEqualTo("pickup_hour,trips,avg_fare");
        assertThat(hours.subList(1, hours.size())).hasSize(24)
                .extracting(l -> Integer.parseInt(l.split(",")[0])).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 24).boxed().toList());

        // the same figures as the query gives over plain JDBC on another LocalWarehouse (its sample is deterministic)
        List<String> expected = new ArrayList<>();
        try (LocalWarehouse warehouse = LocalWarehouse.builder().build().start();
                Connection connection = DriverManager.getConnection(warehouse.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(new String(NycTaxiExampleTest.class
                        .getResourceAsStream("/queries/fares-by-hour.sql").readAllBytes(), StandardCharsets.UTF_8))) {
            while (rs.next()) {
                expected.add(rs.getInt(1) + "," + rs.getLong(2) + "," + rs.getDouble(3));
            }
        }
        assertThat(hours.subList(1, hours.size())).extracting(NycTaxiExampleTest::normalised)
                .containsExactlyElementsOf(expected);
    }

    private static String normalised(String csvLine) {
        String[] f = csvLine.split(",");
        return Integer.parseInt(f[0]) + "," + Long.parseLong(f[1]) + "," + Double.parseDouble(f[2]);
    }
}
