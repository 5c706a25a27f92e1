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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The admin API answers only requests addressed to the loopback name it listens on (no DNS rebinding). */
class AdminApiTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder()
            .sampleRows(1));

    @Test
    void aRequestForAnotherHostNameIsRefusedAndTheLoopbackNamesAreServed() throws Exception {
        int port = WAREHOUSE.warehouse().port();
        assertThat(statusFor("rebound.example.com:" + port)).isEqualTo(403);
        assertThat(statusFor("127.0.0.1:" + (port + 1))).isEqualTo(403);
        assertThat(statusFor("127.0.0.1:" + port)).isEqualTo(200);
        assertThat(statusFor("localhost:" + port)).isEqualTo(200);
    }

    private static int statusFor(String hostHeader) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), WAREHOUSE.warehouse().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /localwarehouse/admin/latency HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
