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

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Where the warehouse is and how connections to it are pooled: host, warehouse path, initial namespace, ISV User-Agent
 * entry, driver pass-through properties, pool settings, or a DataSource of your own. Part of
 * {@link DatabricksConfiguration}.
 */
@UriParams
public abstract class DatabricksConnectionConfiguration implements Cloneable {

    @UriParam(label = "common")
    private String host;

    @UriParam(label = "common")
    private String httpPath;

    @UriParam(label = "common")
    private String warehouseId;

    @UriParam(label = "common")
    private String catalog;

    @UriParam(label = "common")
    private String schema;

    @UriParam(label = "common")
    private String userAgentEntry;

    @UriParam(label = "advanced", prefix = "jdbc.", multiValue = true)
    private Map<String, Object> jdbcProperties = new HashMap<>();

    @UriParam(label = "advanced", defaultValue = "4")
    private int poolSize = 4;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectionTimeout = 30000;

    @UriParam(label = "advanced", defaultValue = "1800000", javaType = "java.time.Duration")
    private long maxConnectionLifetime = 1800000;

    @UriParam(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration")
    private long poolStopTimeout = 5000;

    @UriParam(label = "advanced")
    private DataSource dataSource;

    public String getHost() {
        return host;
    }

    /**
     * The workspace URL, e.g. https://myworkspace.cloud.databricks.com; a bare host name and host:port also work; plain
     * http:// only for a loopback address such as a local emulator's. Falls back to the component option, then the
     * DATABRICKS_HOST environment variable.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public String getHttpPath() {
        return httpPath;
    }

    /**
     * The SQL warehouse HTTP path, /sql/1.0/warehouses/WAREHOUSE_ID. Falls back to warehouseId, the component option,
     * then the DATABRICKS_HTTP_PATH environment variable.
     */
    public void setHttpPath(String httpPath) {
        this.httpPath = httpPath;
    }

    public String getWarehouseId() {
        return warehouseId;
    }

    /**
     * The SQL warehouse id, an alternative to httpPath.
     */
    public void setWarehouseId(String warehouseId) {
        this.warehouseId = warehouseId;
    }

    public String getCatalog() {
        return catalog;
    }

    /**
     * The initial catalog of each session (driver property ConnCatalog).
     */
    public void setCatalog(String catalog) {
        this.catalog = catalog;
    }

    public String getSchema() {
        return schema;
    }

    /**
     * The initial schema of each session (driver property ConnSchema).
     */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getUserAgentEntry() {
        return userAgentEntry;
    }

    /**
     * The ISV User-Agent entry required by the Databricks Partner Well-Architected Framework, in the form
     * ISV-Name_Product-Name/Version, e.g. Acme_Integrator/1.2.0. It reaches the warehouse on every call and shows in
     * the audit log. Defaults to this component's own entry.
     */
    public void setUserAgentEntry(String userAgentEntry) {
        this.userAgentEntry = userAgentEntry;
    }

    public Map<String, Object> getJdbcProperties() {
        return jdbcProperties;
    }

    /**
     * Additional databricks-jdbc driver properties, each given as jdbc.PROPERTY=VALUE (e.g. jdbc.SocketTimeout=300).
     * Authentication properties cannot be set this way: use the auth options.
     */
    public void setJdbcProperties(Map<String, Object> jdbcProperties) {
        this.jdbcProperties = jdbcProperties;
    }

    public int getPoolSize() {
        return poolSize;
    }

    /**
     * The maximum number of pooled connections to the warehouse. One pool is shared by all endpoints that target the
     * same warehouse with the same identity.
     */
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    /**
     * How long, in milliseconds, an exchange waits for a pooled connection.
     */
    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public long getMaxConnectionLifetime() {
        return maxConnectionLifetime;
    }

    /**
     * The longest time, in milliseconds, a pooled connection is kept before it is replaced by a new one.
     */
    public void setMaxConnectionLifetime(long maxConnectionLifetime) {
        this.maxConnectionLifetime = maxConnectionLifetime;
    }

    public long getPoolStopTimeout() {
        return poolStopTimeout;
    }

    /**
     * How long, in milliseconds, stopping the last endpoint of a pool waits for connections that are still busy (a
     * statement the warehouse does not answer). The pool then finishes closing in the background, and those exchanges
     * end at their own queryTimeout or the driver's socket timeout. Connection attempts in flight are never waited for.
     */
    public void setPoolStopTimeout(long poolStopTimeout) {
        this.poolStopTimeout = poolStopTimeout;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /**
     * A user-supplied DataSource to use instead of the component's own pool (an escape hatch: host, warehouse and auth
     * options are then not used).
     */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }
}
