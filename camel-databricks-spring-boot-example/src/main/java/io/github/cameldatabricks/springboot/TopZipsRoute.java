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
