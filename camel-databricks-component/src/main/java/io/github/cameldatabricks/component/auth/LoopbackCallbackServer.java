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

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the browser's redirect after sign-in, on the redirect URI's host, port and path only. Other paths (a
 * favicon, a prefetch) get 404 and a callback with the wrong {@code state} gets 400, and waiting goes on; the first
 * callback with the right state completes the flow, once. Written here because the SDK's callback server accepts any
 * path and ends the flow on the first stray request (see docs).
 */
final class LoopbackCallbackServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackCallbackServer.class);

    /** What the authorization server sent back. */
    record Callback(String code, String error, String errorDescription) {
        @Override
        public String toString() {
            return "Callback[" + (code != null ? "code" : "error=" + error) + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String path;
    private final String expectedState;
    private final CompletableFuture<Callback> result = new CompletableFuture<>();

    private LoopbackCallbackServer(HttpServer server, ExecutorService executor, String path, String expectedState) {
        this.server = server;
        this.executor = executor;
        this.path = path;
        this.expectedState = expectedState;
    }

    /**
     * Listens on the redirect URI, which CredentialsResolver has already checked is an http URI of this machine with an
     * explicit port.
     *
     * @throws IllegalArgumentException if its port is taken
     */
    static LoopbackCallbackServer start(URI redirectUri, String expectedState) {
        InetAddress address;
        try {
            address = InetAddress.getByName(redirectUri.getHost());
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid redirectUri '" + redirectUri + "': unknown host", e);
        }
        if (!address.isLoopbackAddress()) {
            // the name was checked; this checks what it resolves to, so the server never listens off this machine
            throw new IllegalArgumentException("Invalid redirectUri '" + redirectUri + "': its host resolves to "
                    + address.getHostAddress() + ", not to this machine's loopback address");
        }
        int port = redirectUri.getPort();
        String path = redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty() ? "/"
                : redirectUri.getRawPath();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (BindException e) {
            throw new IllegalArgumentException("Port " + port + " of the redirect URI " + redirectUri + " is in use:"
                    + " stop the program listening on port " + port + ", or register another redirect URI (e.g."
                    + " http://localhost:8765/callback) for the OAuth app and set redirectUri or"
                    + " DATABRICKS_REDIRECT_URI to it", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot listen on " + redirectUri + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "databricks-oauth-callback");
            t.setDaemon(true);
            return t;
        });
        LoopbackCallbackServer callback = new LoopbackCallbackServer(server, executor, path, expectedState);
        server.createContext("/", callback::handle);
        server.setExecutor(executor);
        server.start();
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals(path)) {
                respond(exchange, 404, "Not found.");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "Method not allowed.");
                return;
            }
            Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
            if (!constantTimeEquals(query.get("state"), expectedState)) {
                LOG.warn("Ignored a sign-in callback whose state does not match this sign-in; still waiting");
                respond(exchange, 400, "This sign-in response does not belong to the sign-in in progress.");
                return;
            }
            Callback callback = new Callback(query.get("code"), query.get("error"), query.get("error_description"));
            if (callback.code() == null && callback.error() == null) {
                respond(exchange, 400, "The sign-in response has neither a code nor an error.");
                return;
            }
            boolean first = result.complete(callback);
            respond(exchange, 200, !first ? "This sign-in was already completed. You can close this window."
                    : callback.code() != null ? "Signed in to Databricks. You can close this window."
                            // a fixed text: the error comes from the request, and this page is HTML
                            : "Sign-in failed. You can close this window; the application's log says why.");
        }
    }

    /** Waits for the callback. */
    Callback await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><html><body><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Splits the raw query first, then decodes, so that encoded '&', '=' or '+' in a value survive. */
    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
