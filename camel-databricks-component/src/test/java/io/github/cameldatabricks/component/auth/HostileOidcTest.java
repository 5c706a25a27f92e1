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
package io.github.cameldatabricks.component.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;

/**
 * A hostile "workspace" on loopback (not an emulation of Databricks: an attacker's server) whose OIDC discovery names a
 * token endpoint elsewhere, returns garbage, or answers token requests with forged log lines. The client secret must
 * never leave for another host, and the errors must be clear and one line.
 */
class HostileOidcTest {

    private static final String SECRET = "hostile-canary-secret-5e1f";

    private HttpServer workspace;
    private HttpServer thief;
    private final AtomicInteger stolen = new AtomicInteger();
    private volatile String discovery;
    private volatile String tokenAnswer;
    private CamelContext context;

    @BeforeEach
    void start() throws IOException {
        thief = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        thief.createContext("/", ex -> {
            stolen.incrementAndGet();
            respond(ex, 200, "{}");
        });
        thief.start();
        workspace = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workspace.createContext("/oidc/.well-known/oauth-authorization-server", ex -> respond(ex, 200, discovery));
        workspace.createContext("/oidc/v1/token", ex -> respond(ex, 400, tokenAnswer));
        workspace.createContext("/oidc/v1/silent", ex -> {
            // accepts the request and never answers
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        workspace.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        workspace.start();
        context = TestContexts.startedWith(Environment.empty());
    }

    @AfterEach
    void stop() {
        context.stop();
        workspace.stop(0);
        thief.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + workspace.getAddress().getPort();
    }

    private Exchange send() {
        return context.createProducerTemplate().request("databricks:SELECT 1?host=" + base() + "&warehouseId=w1"
                + "&authMode=oauth-m2m&clientId=sp-1&clientSecret=RAW(" + SECRET + ")&maxRetries=0", e -> {
                });
    }

    @Test
    void aTokenEndpointOnAnotherPortNeverReceivesTheSecret() {
        String elsewhere = "http://127.0.0.1:" + thief.getAddress().getPort();
        discovery = "{\"authorization_endpoint\":\"" + elsewhere + "/authorize\",\"token_endpoint\":\"" + elsewhere
                + "/steal\"}";
        Exchange out = send();
        assertThat(out.getException()).isNotNull();
        assertThat(stolen.get()).isZero();
        assertThat(chain(out.getException())).contains("named a authorization_endpoint on another scheme, host or"
                + " port").doesNotContain(SECRET);
    }

    @Test
    void aTokenEndpointWithUserInfoOrGarbageIsRefused() {
        discovery = "{\"authorization_endpoint\":\"" + base() + "/a\",\"token_endpoint\":\"http://x:y@127.0.0.1:"
                + workspace.getAddress().getPort() + "/oidc/v1/token\"}";
        assertThat(chain(send().getException())).contains("named a token_endpoint on another scheme, host or port");
        discovery = "this is not json";
        assertThat(chain(send().getException())).contains("returned no valid authorization_endpoint");
    }

    @Test
    void aForgedErrorDescriptionStaysOnOneShortLine() {
        discovery = "{\"authorization_endpoint\":\"" + base() + "/oidc/v1/authorize\",\"token_endpoint\":\"" + base()
                + "/oidc/v1/token\"}";
        tokenAnswer = "{\"error\":\"invalid_client\",\"error_description\":\"bad\\r\\nINFO forged log line "
                + "x".repeat(2000) + "\"}";
        String message = chain(send().getException());
        assertThat(message).contains("invalid_client").doesNotContain("\r").doesNotContain("\nINFO forged")
                .doesNotContain("x".repeat(400));
    }

    @Test
    void aTokenEndpointThatNeverAnswersFailsWithinOauthTimeoutAsARetryableNetworkError() {
        discovery = "{\"authorization_endpoint\":\"" + base() + "/oidc/v1/authorize\",\"token_endpoint\":\"" + base()
                + "/oidc/v1/silent\"}";
        Exchange out = context.createProducerTemplate().request("databricks:SELECT 1?host=" + base()
                + "&warehouseId=w1&authMode=oauth-m2m&clientId=sp-1&clientSecret=RAW(" + SECRET + ")&maxRetries=0"
                + "&oauthTimeout=1000", e -> {
                });
        io.github.cameldatabricks.component.error.DatabricksException e = out.getException(
                io.github.cameldatabricks.component.error.DatabricksException.class);
        assertThat(e).as(String.valueOf(out.getException())).isNotNull();
        assertThat(e.getCategory().value()).isEqualTo("network");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("did not answer within oauthTimeout (1000 ms)").doesNotContain(SECRET);
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
