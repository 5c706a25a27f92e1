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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.faults.Bandwidth;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * The bandwidth model through the workspace server: set through the admin API, applied to the Thrift responses and
 * CloudFetch downloads the driver reads (which arrive intact), counted in {@code bytesSent}; the admin API itself is
 * neither paced nor counted. Pacing itself is covered on a virtual clock by {@code BandwidthTest}.
 */
class BandwidthModelTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder()
            .sampleRows(3_000).cloudFetchThresholdRows(1_000).cloudFetchRowsPerFile(1_000));

    private static final String QUERY = "SELECT * FROM samples.nyctaxi.trips ORDER BY tpep_pickup_datetime,"
            + " fare_amount, pickup_zip, dropoff_zip, trip_distance";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAdminApiSetsAndReportsTheRatesAndClearingResetsThem() throws Exception {
        HttpResponse<String> set = admin("POST", "{\"bytesPerSecond\":12500000,\"totalBytesPerSecond\":125000000}");
        assertThat(set.statusCode()).isEqualTo(200);
        Bandwidth bandwidth = WAREHOUSE.faults().bandwidth();
        assertThat(bandwidth.perConnection()).isEqualTo(12_500_000);
        assertThat(bandwidth.total()).isEqualTo(125_000_000);
        // either rate alone; the other stays
        assertThat(admin("POST", "{\"totalBytesPerSecond\":0}").statusCode()).isEqualTo(200);
        JsonNode reported = JSON.readTree(admin("GET", null).body());
        assertThat(reported.path("bytesPerSecond").asLong()).isEqualTo(12_500_000);
        assertThat(reported.path("totalBytesPerSecond").asLong()).isZero();
        assertThat(reported.has("bytesSent")).isTrue();

        for (String bad : List.of("{\"bytesPerSecond\":-1}", "{\"bytesPerSecond\":\"fast\"}",
                "{\"bytesPerSecond\":1.5}",
                "[]")) {
            assertThat(admin("POST", bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(bandwidth.perConnection()).isEqualTo(12_500_000);

        http.send(HttpRequest.newBuilder(URI.create(WAREHOUSE.warehouse().baseUrl() + "/localwarehouse/admin/faults"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bandwidth.perConnection()).isZero();
        assertThat(bandwidth.total()).isZero();
    }

    @Test
    void resultsReadThroughALimitedNetworkArriveIntactAndTheirBytesAreCounted() throws Exception {
        Bandwidth bandwidth = WAREHOUSE.faults().bandwidth();
        List<List<Object>> unlimited;
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            unlimited = Jdbc.query(c, QUERY);
        }
        WAREHOUSE.faults().setBandwidth(20_000_000).setTotalBandwidth(40_000_000);
        long before = bandwidth.bytesSent();
        long downloadsBefore = WAREHOUSE.warehouse().cloudFetch().downloads();
        List<List<Object>> viaLinks;
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            viaLinks = Jdbc.query(c, QUERY);
        }
        long linkBytes = bandwidth.bytesSent() - before;
        assertThat(WAREHOUSE.warehouse().cloudFetch().downloads() - downloadsBefore).isEqualTo(3);

        before = bandwidth.bytesSent();
        List<List<Object>> inline;
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ";EnableQueryResultDownload=0")) {
            inline = Jdbc.query(c, QUERY);
        }
        long inlineBytes = bandwidth.bytesSent() - before;

        assertThat(viaLinks).hasSize(3_000).isEqualTo(unlimited).isEqualTo(inline);
        // both carry the same LZ4-compressed rows, one as three files, the other inline in Thrift responses
        assertThat(linkBytes).isGreaterThan(10_000);
        assertThat(inlineBytes).isGreaterThan(10_000);

        long afterReads = bandwidth.bytesSent();
        admin("GET", null);
        assertThat(bandwidth.bytesSent()).as("the admin API is not part of the modelled network")
                .isEqualTo(afterReads);
    }

    private HttpResponse<String> admin(String method, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WAREHOUSE.warehouse().baseUrl()
                + "/localwarehouse/admin/bandwidth"));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
