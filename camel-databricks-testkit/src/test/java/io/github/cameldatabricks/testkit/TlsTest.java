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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** HTTPS with a generated CA: the driver connects with the written trust store and fails without it. */
class TlsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().tls(true).sampleRows(10));

    @Test
    void driverConnectsThroughTheTrustStore() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        assertThat(w.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(Files.exists(w.trustStore())).isTrue();
        assertThat(w.jdbcUrl()).contains("SSLTrustStore=").doesNotContain("ssl=0");
        try (Connection c = DriverManager.getConnection(w.jdbcUrl())) {
            assertThat(Jdbc.query(c, "SELECT current_catalog(), count(*) FROM samples.nyctaxi.trips"))
                    .containsExactly(List.of("main", 10L));
        }
    }

    @Test
    void caCertificateIsAlsoAPemFileThatClientsCanTrust() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        assertThat(Files.readString(w.caCertificatePem())).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
        java.security.cert.Certificate ca;
        try (var in = Files.newInputStream(w.caCertificatePem())) {
            ca = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder().sslContext(context)
                .build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(w.baseUrl()
                        + "/api/2.0/sql/warehouses")).header("Authorization", "Bearer " + w.token()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void handshakeFailsWithoutTheTrustStore() {
        LocalWarehouse w = WAREHOUSE.warehouse();
        String url = "jdbc:databricks://127.0.0.1:" + w.port() + "/default;httpPath=" + w.httpPath()
                + ";ssl=1;UseThriftClient=1;EnableTelemetry=0;AuthMech=3;UID=token;PWD=" + w.token();
        assertThatThrownBy(() -> DriverManager.getConnection(url)).isInstanceOf(SQLException.class)
                .hasStackTraceContaining("PKIX");
    }

    @Test
    void certificateNamesLoopbackByIpAndName() throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("JKS");
        try (var in = Files.newInputStream(WAREHOUSE.warehouse().trustStore())) {
            trust.load(in, WAREHOUSE.warehouse().trustStorePassword().toCharArray());
        }
        X509Certificate ca = (X509Certificate) trust.getCertificate("localwarehouse-ca");
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client.init(null, tmf.getTrustManagers(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) client.getSocketFactory()
                .createSocket("127.0.0.1", WAREHOUSE.warehouse().port())) {
            javax.net.ssl.SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                    .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        }
    }
}
