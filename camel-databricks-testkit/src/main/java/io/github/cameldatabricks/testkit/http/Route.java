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

import com.sun.net.httpserver.HttpExchange;

/** One family of workspace endpoints. */
interface Route {

    /** Whether this route serves the path. */
    boolean matches(String path);

    void handle(HttpExchange exchange) throws IOException;

    /**
     * Whether requests to this route take the persistent request latency ({@code Faults.requestLatency()}): the SQL
     * endpoint and the REST APIs do; OIDC, the admin API and telemetry do not.
     */
    default boolean takesRequestLatency() {
        return false;
    }
}
