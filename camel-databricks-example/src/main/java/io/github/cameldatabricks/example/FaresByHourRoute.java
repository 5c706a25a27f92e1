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
                .marshal(new CsvDataFormat().setHeader(new String[] { "pickup_hour", "trips", "avg_fare" }))
                .log("${body}")
                .to("file:{{example.output}}?fileName=fares-by-hour.csv");
    }
}
