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
package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * A route's whole life (start, queries, a failing query, a rejected endpoint, stop) logs nothing that contains a secret
 * — the PAT, an M2M client secret, an issued OAuth access token (a JWT), a U2M authorization code and refresh token, a
 * driver password passed through {@code jdbc.*} — with the component's loggers at TRACE (see simplelogger.properties).
 */
class SecretsStayOutOfLogsTest {

    private static final String TOKEN = "dapi-very-secret-token-0042";
    private static final String CLIENT_SECRET = "m2m-very-secret-0042";
    private static final String PROXY_PASSWORD = "proxy-very-secret-0042";
    private static final String SP = "7e3d1c55-0a4b-4c2d-9e8f-123456789abc";
    private static final String APP = "logs-check-app";
    /** Every JWT, so every access token LocalWarehouse issues, starts with the encoding of <code>{"</code>. */
    private static final String JWT_START = "eyJ";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().token(TOKEN).sampleRows(10));

    @TempDir
    Path tokenCache;

    @Test
    void theTokenAppearsInNoLogLineExceptionOrToString() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().addServicePrincipal(SP, CLIENT_SECRET, "logs-check");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String redirect = "http://localhost:" + port + "/callback";
        w.oidc().addOAuthApp(APP, null, redirect).autoApprove(true);
        List<String> codes = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder seen = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CamelContext context = new DefaultCamelContext();
            DatabricksComponent component = new DatabricksComponent();
            component.setEnvironment(Environment.empty());
            // a browser that approves, and remembers the authorization code it carries to the callback
            component.setBrowserLauncher(url -> {
                String callback = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                        .headers().firstValue("Location").orElseThrow();
                codes.add(callback.replaceAll(".*[?&]code=([^&]+).*", "$1"));
                http.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.discarding());
            });
            context.addComponent("databricks", component);
            context.start();
            String base = "&host=" + w.baseUrl() + "&httpPath=" + w.httpPath() + "&token=RAW(" + TOKEN + ")";
            var template = context.createProducerTemplate();
            seen.append(template.requestBody("databricks:SELECT count(*) FROM samples.nyctaxi.trips"
                    + "?outputType=SelectOne" + base, (Object) null));
            seen.append(template.requestBody("databricks:SELECT current_user()?outputType=SelectOne&host="
                    + w.baseUrl() + "&httpPath=" + w.httpPath() + "&authMode=oauth-m2m&clientId=" + SP
                    + "&clientSecret=RAW(" + CLIENT_SECRET + ")&jdbc.ProxyPwd=RAW(" + PROXY_PASSWORD + ")",
                    (Object) null));
            seen.append(template.requestBody("databricks:SELECT current_user()?outputType=SelectOne&host="
                    + w.baseUrl() + "&httpPath=" + w.httpPath() + "&authMode=oauth-u2m&clientId=" + APP
                    + "&redirectUri=" + redirect + "&tokenCacheDirectory=" + tokenCache, (Object) null));
            Throwable failed = catchThrowable(() -> template.requestBody("databricks:SELECT * FROM no_such_table?a=1"
                    .replace("?a=1", "?outputType=SelectList" + base), (Object) null));
            Throwable rejected = catchThrowable(() -> context.getEndpoint("databricks:select 1?userAgentEntry=bad"
                    + base));
            for (Throwable t : new Throwable[]{ failed, rejected }) {
                for (Throwable c = t; c != null; c = c.getCause()) {
                    seen.append(c).append('\n');
                }
            }
            context.getEndpoints().forEach(e -> seen.append(e).append('\n'));
            context.stop();
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture worked").contains("DatabricksEndpoint");
        assertThat(logs).as("the M2M route ran with TRACE logs").contains("oauth-m2m")
                .contains("TRACE io.github.cameldatabricks.component.DatabricksProducer");
        assertThat(codes).hasSize(1);
        assertThat(codes.get(0)).hasSizeGreaterThan(10).doesNotContain("callback").doesNotContain("&");
        String refreshToken;
        try (var files = Files.list(tokenCache)) {
            Path cached = files.findFirst().orElseThrow();
            refreshToken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cached.toFile())
                    .path("refresh_token").asText();
        }
        assertThat(refreshToken).hasSizeGreaterThan(10);
        for (String secret : new String[]{ TOKEN, CLIENT_SECRET, PROXY_PASSWORD, JWT_START, codes.get(0),
                refreshToken }) {
            assertThat(logs).doesNotContain(secret);
            assertThat(seen.toString()).doesNotContain(secret);
        }
        assertThat(seen.toString()).contains("10").contains(SP);
    }
}
