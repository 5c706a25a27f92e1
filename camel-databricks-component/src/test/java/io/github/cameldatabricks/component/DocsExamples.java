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

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;

import io.github.cameldatabricks.component.error.DatabricksRetryableException;

/**
 * The Java DSL examples of databricks-component.adoc, included from here by tag; DocsJavaExamplesTest runs them against
 * LocalWarehouse. The routes end in direct: endpoints that the test consumes.
 */
final class DocsExamples {

    private DocsExamples() {
    }

    static final class Routes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::queries[]
            from("direct:top-zips")
                    .to("databricks:SELECT pickup_zip, round(sum(fare_amount), 2) AS total"
                            + " FROM samples.nyctaxi.trips WHERE fare_amount > :#minFare"
                            + " GROUP BY pickup_zip ORDER BY total DESC LIMIT :#${header.top}")
                    .log("${header.CamelDatabricksRowCount} zip codes: ${body}");

            from("direct:trips-in-zips")
                    .to("databricks:SELECT count(*) FROM samples.nyctaxi.trips WHERE pickup_zip IN (:#in:zips)"
                            + "?outputType=SelectOne");
            // end::queries[]

            // tag::output-types[]
            from("direct:top-zip")
                    .to("databricks:SELECT pickup_zip AS zip, round(sum(fare_amount), 2) AS total"
                            + " FROM samples.nyctaxi.trips GROUP BY pickup_zip ORDER BY total DESC LIMIT 1"
                            + "?outputType=SelectOne&outputClass=io.github.cameldatabricks.component.ZipTotal")
                    .log("the busiest zip code is ${body.zip}");

            from("direct:zip-totals")
                    .to("databricks:SELECT pickup_zip, sum(fare_amount) AS total FROM samples.nyctaxi.trips"
                            + " GROUP BY pickup_zip?outputHeader=zipTotals")
                    .log("${header.zipTotals.size()} zip codes; the body is unchanged");
            // end::output-types[]

            // @formatter:off (the nested step keeps its indentation in the reference page)
            // tag::streaming[]
            from("direct:export-trips")
                    .to("databricks:SELECT * FROM samples.nyctaxi.trips?outputType=StreamList")
                    .split(body()).streaming()
                        .to("direct:trip")
                    .end();
            // end::streaming[]
            // @formatter:on

            // tag::batch[]
            from("direct:events")
                    .to("databricks:INSERT INTO main.default.events VALUES (:#id, :#kind)?batch=true")
                    .log("${header.CamelDatabricksUpdateCount} rows in"
                            + " ${header.CamelDatabricksBatchStatements} statements");

            from("direct:orders-load")
                    .to("databricks:load:main.default.orders?stagingVolume=/Volumes/main/default/landing")
                    .log("loaded ${header.CamelDatabricksLoadedRows} rows");
            // end::batch[]

            // tag::consumer[]
            from("databricks:SELECT id, payload FROM main.default.outbox WHERE NOT sent ORDER BY id"
                    + "?onConsume=UPDATE main.default.outbox SET sent = true WHERE id = :#id"
                    + "&delay=5000&maxMessagesPerPoll=100")
                    .routeId("outbox")
                    .log("publishing ${body[id]}")
                    .to("direct:publish");
            // end::consumer[]

            // tag::auth[]
            from("direct:with-own-token")
                    .to("databricks:SELECT count(*) FROM samples.nyctaxi.trips?outputType=SelectOne"
                            + "&authMode=pat&token={{reports.token}}"
                            + "&userAgentEntry=Acme_Reports/1.0.0");
            // end::auth[]

            // tag::health[]
            from("direct:nightly-report")
                    .to("databricks:SELECT count(*) FROM samples.nyctaxi.trips?outputType=SelectOne"
                            + "&healthCheckStoppedWarehouse=DOWN");
            // end::health[]
        }
    }

    static final class ErrorRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::errors[]
            errorHandler(deadLetterChannel("direct:dead-letters"));
            onException(DatabricksRetryableException.class)
                    .maximumRedeliveries(3).redeliveryDelay(1000).useExponentialBackOff().backOffMultiplier(2);

            from("direct:orders")
                    .to("databricks:INSERT INTO main.default.orders VALUES (:#id, :#customer)");

            from("direct:dead-letters")
                    .log("failed after ${header.CamelDatabricksAttempts} attempts"
                            + " (${header.CamelDatabricksErrorCategory}): ${exception.message}")
                    .to("direct:failed-orders");
            // end::errors[]
        }
    }

    // tag::health-enable[]
    /** What camel.health.producersEnabled=true does: Camel's producer health checks are off by default. */
    static void enableProducerHealthChecks(CamelContext context) {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
    }
    // end::health-enable[]
}
