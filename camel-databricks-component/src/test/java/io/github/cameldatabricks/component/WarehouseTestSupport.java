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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;

/**
 * Camel tests against a LocalWarehouse: the databricks component is configured with the warehouse's host, HTTP path and
 * token as component options, and with an empty environment so that no ambient variable takes part.
 */
abstract class WarehouseTestSupport extends CamelTestSupport {

    /** The warehouse the test class registered. */
    protected abstract LocalWarehouse warehouse();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(environment());
        configure(component.getConfiguration());
        context.addComponent("databricks", component);
        return context;
    }

    /** The environment the component sees; empty unless a test says otherwise. */
    protected Environment environment() {
        return Environment.empty();
    }

    /** Component options; by default the warehouse's address and token. */
    protected void configure(DatabricksConfiguration configuration) {
        configuration.setHost(warehouse().baseUrl());
        configuration.setHttpPath(warehouse().httpPath());
        configuration.setToken(warehouse().token());
    }

    /** A new table name in main.default, unique to the calling test. */
    protected static String newTable(String prefix) {
        return "main.default." + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Runs DDL or DML directly through the driver (test set-up, not the component under test). */
    protected void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(warehouse().jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The single value of a query run directly through the driver. */
    protected Object scalar(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(warehouse().jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
