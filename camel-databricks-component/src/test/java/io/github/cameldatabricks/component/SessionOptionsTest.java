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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** catalog and schema set the session's namespace; a user DataSource replaces the component's pool. */
class SessionOptionsTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Test
    void catalogAndSchemaSetTheSessionNamespaceSoUnqualifiedNamesResolveThere() throws Exception {
        sql("CREATE SCHEMA IF NOT EXISTS main.reporting");
        sql("CREATE TABLE IF NOT EXISTS main.reporting.daily (d STRING)");
        sql("INSERT INTO main.reporting.daily VALUES ('in reporting')");
        Object namespace = template.requestBody("databricks:SELECT current_catalog() AS c, current_schema() AS s"
                + "?outputType=SelectOne&catalog=main&schema=reporting", (Object) null);
        assertThat(namespace).isEqualTo(Map.of("c", "main", "s", "reporting"));
        assertThat(template.requestBody("databricks:SELECT d FROM daily?outputType=SelectOne&catalog=main"
                + "&schema=reporting", (Object) null)).isEqualTo("in reporting");
        assertThat(template.requestBody("databricks:SELECT current_schema() AS s?outputType=SelectOne"
                + "&catalog=samples&schema=nyctaxi", (Object) null)).isEqualTo("nyctaxi");
    }

    /** A user's DataSource: plain DriverManager connections, counted. */
    static final class CountingDataSource implements DataSource {
        final AtomicInteger connections = new AtomicInteger();
        private final String url;

        CountingDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @Test
    void aUserSuppliedDataSourceIsUsedInsteadOfThePool() {
        CountingDataSource mine = new CountingDataSource(WAREHOUSE.warehouse().jdbcUrl()
                + ";UserAgentEntry=Acme_OwnPool/1.0");
        context.getRegistry().bind("myDataSource", mine);
        DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);
        int pools = component.getConnectionPools().size();
        Object user = template.requestBody("databricks:SELECT current_user() AS u?outputType=SelectOne"
                + "&dataSource=#myDataSource", (Object) null);
        assertThat(user).isEqualTo(WAREHOUSE.warehouse().principal());
        assertThat(mine.connections.get()).isEqualTo(1);
        assertThat(component.getConnectionPools().size()).isEqualTo(pools);
    }
}
