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
package io.github.cameldatabricks.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Every {@code taxi.period}: the pickup zips with the highest total fare, logged and kept in {@link TopZips}. */
@Component
public class TopZipsRoute extends RouteBuilder {

    static final String QUERY = "SELECT pickup_zip, count(*) AS trips, round(sum(fare_amount), 2) AS total_fare"
            + " FROM samples.nyctaxi.trips GROUP BY pickup_zip ORDER BY total_fare DESC, pickup_zip LIMIT 5";

    private final TopZips topZips;

    public TopZipsRoute(TopZips topZips) {
        this.topZips = topZips;
    }

    @Override
    public void configure() {
        from("timer:top-zips?period={{taxi.period}}").routeId("top-zips")
                .toF("databricks:%s", QUERY)
                .log("Top pickup zips by total fare (${header.CamelDatabricksRowCount} rows): ${body}")
                .bean(topZips, "update");
    }
}
