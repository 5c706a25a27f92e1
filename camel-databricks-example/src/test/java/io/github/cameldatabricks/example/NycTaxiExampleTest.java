package io.github.cameldatabricks.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    }
}
