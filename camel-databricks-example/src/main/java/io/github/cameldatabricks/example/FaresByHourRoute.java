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

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;

/** The Java DSL route: average fare and trip count by pickup hour, written as CSV and logged. */
public class FaresByHourRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:fares-by-hour?repeatCount=1").routeId("fares-by-hour")
                .to("databricks:classpath:queries/fares-by-hour.sql")
                .log("Average fare by pickup hour (${header.CamelDatabricksRowCount} hours):")
                .marshal(new CsvDataFormat().setHeader(new String[]{ "pickup_hour", "trips", "avg_fare" }))
                .log("${body}")
                .to("file:{{example.output}}?fileName=fares-by-hour.csv");
    }
}
