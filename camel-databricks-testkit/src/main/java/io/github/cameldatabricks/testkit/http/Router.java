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
package io.github.cameldatabricks.testkit.http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.testkit.faults.Faults;

/**
 * Dispatches every request of the workspace server to the first matching route (404 otherwise), after the persistent
 * request latency for the routes that take it, whose response bodies also go through the bandwidth model (paced when a
 * bandwidth is set, counted always).
 */
final class Router implements HttpHandler {

    static final String REQUEST_ID = "localwarehouse.requestId";
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final Faults faults;

    Router(List<Route> routes, Faults faults) {
        this.routes = List.copyOf(routes);
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.setAttribute(REQUEST_ID, UUID.randomUUID().toString());
        String path = exchange.getRequestURI().getPath();
        try {
            for (Route route : routes) {
                if (route.matches(path)) {
                    if (route.takesRequestLatency()) {
                        delay(faults.requestLatency());
                        // the JDK server lets a handler wrap the body stream before the response headers are sent
                        exchange.setStreams(null, faults.bandwidth().pace(exchange.getResponseBody()));
                    }
                    route.handle(exchange);
                    return;
                }
            }
            HttpResponses.error(exchange, 404, "ENDPOINT_NOT_FOUND", "No API found for '" + path + "'");
        } catch (IOException | RuntimeException e) {
            LOG.debug("request {} {} failed: {}", exchange.getRequestMethod(), path, e.toString());
            exchange.close();
        }
    }

    private static void delay(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
