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
package io.github.cameldatabricks.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.DatabricksComponent;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * The Kamelets as shipped: this test runs in the integration-test phase with the packaged jar instead of target/classes
 * on its class path (see the module's pom), so Camel 4.22 loads them from the jar, filtered resources and all.
 */
class KameletsJarIT {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(LocalWarehouse.builder());

    @Test
    void theSinkLoadsFromTheModuleJarAndWritesRows() throws Exception {
        URL sink = getClass().getClassLoader().getResource("kamelets/databricks-sql-sink.kamelet.yaml");
        assertThat(sink).isNotNull();
        assertThat(sink.getProtocol()).isEqualTo("jar");
        // file:/... as class loaders write it (Path.toUri would give file:///...)
        String jar = new File(System.getProperty("kamelets.jar")).toURI().toString();
        assertThat(sink.toString()).startsWith("jar:" + jar + "!/");
        for (String kamelet : List.of("databricks-sql-source", "databricks-sql-action")) {
            assertThat(getClass().getClassLoader().getResource("kamelets/" + kamelet + ".kamelet.yaml"))
                    .as(kamelet).hasToString("jar:" + jar + "!/kamelets/" + kamelet + ".kamelet.yaml");
        }

        LocalWarehouse w = WAREHOUSE.warehouse();
        try (Connection c = DriverManager.getConnection(w.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE main.default.from_jar (id INT, name STRING)");
        }
        CamelContext context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(Environment.empty());
        context.addComponent("databricks", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to("kamelet:databricks-sql-sink?host=" + w.baseUrl() + "&httpPath=" + w.httpPath()
                        + "&token=RAW(" + w.token() + ")&table=main.default.from_jar&columns=id,name"
                        + "&userAgentEntry=Acme_KameletJar/1.0.0");
            }
        });
        try {
            context.start();
            assertThat(context.getVersion()).startsWith("4.22.");
            context.createProducerTemplate().sendBody("direct:rows",
                    List.of(Map.of("id", 1, "name", "one"), Map.of("id", 2, "name", "two")));
        } finally {
            context.stop();
        }
        try (Connection c = DriverManager.getConnection(w.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM main.default.from_jar")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
        // one multi-row INSERT for the two rows, with the Kamelet's User-Agent entry
        assertThat(w.audit().events(e -> e.actionName().equals("commandSubmit")
                && String.valueOf(e.requestParams().get("commandText"))
                        .startsWith("INSERT INTO main.default.from_jar")))
                .singleElement().satisfies(e -> assertThat(e.userAgent()).contains("Acme_KameletJar/1.0.0"));
    }
}
