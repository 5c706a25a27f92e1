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
package io.github.cameldatabricks.example;

import java.util.Map;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.testkit.LocalWarehouse;

/**
 * The example application: a YAML route (top pickup zip codes by fare) and a Java route (average fare by pickup hour)
 * query {@code samples.nyctaxi.trips} and write CSV files. With {@code DATABRICKS_HOST} set, the routes run against
 * that workspace (the component reads {@code DATABRICKS_*} and {@code APP_AUTH_TYPE}); without it, an embedded
 * LocalWarehouse is started and the routes run against it.
 */
public final class NycTaxiExample {

    private static final Logger LOG = LoggerFactory.getLogger(NycTaxiExample.class);

    private NycTaxiExample() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv(), null);
    }

    /**
     * Runs both routes once and returns when they are done.
     *
     * @param outputDirectory where the CSV files go; null for the configured {@code example.output}
     */
    static void run(Map<String, String> environment, String outputDirectory) throws Exception {
        String host = environment.get("DATABRICKS_HOST");
        LocalWarehouse embedded = null;
        Main main = new Main(NycTaxiExample.class);
        if (host == null || host.isBlank()) {
            embedded = LocalWarehouse.builder().build().start();
            LOG.info("DATABRICKS_HOST is not set: running against an embedded LocalWarehouse at {}",
                    embedded.baseUrl());
            main.addOverrideProperty("camel.component.databricks.host", embedded.baseUrl());
            main.addOverrideProperty("camel.component.databricks.httpPath", embedded.httpPath());
            main.addOverrideProperty("camel.component.databricks.authMode", "pat");
            // by placeholder, as a real secret would be given
            main.addOverrideProperty("example.embedded.token", embedded.token());
            main.addOverrideProperty("camel.component.databricks.token", "{{example.embedded.token}}");
        } else {
            LOG.info("Running against the workspace in DATABRICKS_HOST");
        }
        if (outputDirectory != null) {
            main.addOverrideProperty("example.output", outputDirectory);
        }
        try {
            // the Java route (FaresByHourRoute) is found by package scan; the YAML route by routesIncludePattern
            main.run();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
