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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;

/**
 * Loads N generated rows from an Iterator through databricks:load: into a LocalWarehouse in this JVM and prints one
 * line {@code loaded=<header> count=<rows in table> maxHeapMb=<-Xmx>}. Run by {@link LowMemoryLoadTest} in a JVM with a
 * small heap; exits 1 if the load failed.
 */
public final class LowMemoryLoadMain {

    private LowMemoryLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        try (LocalWarehouse warehouse = LocalWarehouse.builder().sampleRows(1).build().start()) {
            try (Connection c = DriverManager.getConnection(warehouse.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE main.default.big (id BIGINT, name STRING, amount DOUBLE, day DATE)");
                s.execute("CREATE VOLUME main.default.landing");
            }
            CamelContext context = new DefaultCamelContext();
            DatabricksComponent component = new DatabricksComponent();
            component.setEnvironment(Environment.empty());
            component.getConfiguration().setHost(warehouse.baseUrl());
            component.getConfiguration().setHttpPath(warehouse.httpPath());
            component.getConfiguration().setToken(warehouse.token());
            context.addComponent("databricks", component);
            context.start();
            Iterator<Map<String, Object>> body = TestRows.generated(rows);
            Exchange out = context.createProducerTemplate().request(
                    "databricks:load:main.default.big?stagingVolume=/Volumes/main/default/landing",
                    e -> e.getMessage().setBody(body));
            if (out.getException() != null) {
                out.getException().printStackTrace();
                System.exit(1);
            }
            long count;
            try (Connection c = DriverManager.getConnection(warehouse.jdbcUrl());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM main.default.big")) {
                rs.next();
                count = rs.getLong(1);
            }
            System.out.println("loaded=" + out.getMessage().getHeader(DatabricksConstants.LOADED_ROWS) + " count="
                    + count + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            context.stop();
        }
        System.exit(0);
    }
}
