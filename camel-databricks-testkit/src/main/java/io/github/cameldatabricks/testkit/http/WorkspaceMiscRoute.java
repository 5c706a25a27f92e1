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
