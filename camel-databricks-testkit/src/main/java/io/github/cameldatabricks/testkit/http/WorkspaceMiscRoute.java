package io.github.cameldatabricks.testkit.http;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Endpoints the driver touches in passing: telemetry uploads (accepted and dropped). */
final class WorkspaceMiscRoute implements Route {

    @Override
    public boolean matches(String path) {
        return path.equals("/telemetry-ext") || path.equals("/telemetry-unauth");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        HttpResponses.json(ex, 200, Map.of("errors", java.util.List.of(), "numSuccess", 0));
    }
}
