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

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultPollingEndpoint;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.auth.BrowserLauncher;
import io.github.cameldatabricks.component.connection.ConnectionPools;
import io.github.cameldatabricks.component.connection.WarehouseTarget;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.health.DatabricksProducerHealthCheck;
import io.github.cameldatabricks.component.health.WarehouseStateProbe;
import io.github.cameldatabricks.component.load.BulkLoader;
import io.github.cameldatabricks.component.load.LoadTarget;
import io.github.cameldatabricks.component.retry.RetryLoop;
import io.github.cameldatabricks.component.retry.RetryPolicy;
import io.github.cameldatabricks.component.sql.NamedParameterSql;
import io.github.cameldatabricks.component.sql.SqlRunner;
import io.github.cameldatabricks.component.stats.EndpointStatistics;
import io.github.cameldatabricks.component.warehouse.ColdStartWaiter;
import io.github.cameldatabricks.component.warehouse.SdkWarehouseStateClient;
import io.github.cameldatabricks.component.warehouse.WarehouseStateClient;

/**
 * Run SQL on a Databricks SQL warehouse through the Databricks JDBC driver, with pooled authenticated connections and
 * the ISV User-Agent entry required by the Partner Well-Architected Framework.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "databricks", title = "Databricks SQL", syntax = "databricks:query",
        category = { Category.DATABASE, Category.CLOUD, Category.BIGDATA }, headersClass = DatabricksConstants.class)
public class DatabricksEndpoint extends DefaultPollingEndpoint implements EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksEndpoint.class);

    @UriPath(description = "The SQL to run, with optional named parameters (:#name, :#${expression}, :#in:name);"
            + " or classpath:/file: followed by the location of a file that holds it.")
    @Metadata(required = true, supportFileReference = true, largeInput = true, inputLanguage = "sql")
    private String query;

    @UriParam
    private DatabricksConfiguration configuration;

    private NamedParameterSql parsedQuery;
    private LoadTarget loadTarget;
    private ResolvedConnection connection;
    private DataSource dataSource;
    private boolean pooled;
    private RetryLoop retryLoop;
    private WarehouseStateProbe healthProbe;
    private final EndpointStatistics statistics = new EndpointStatistics();
    private final String writtenUri;

    /**
     * @param uri        the URI the endpoint shows (secret values masked)
     * @param writtenUri the URI as written, which tells endpoints apart (never shown)
     */
    public DatabricksEndpoint(String uri, String writtenUri, DatabricksComponent component,
            DatabricksConfiguration configuration) {
        super(uri, component);
        this.writtenUri = writtenUri;
        this.configuration = configuration;
    }

    /**
     * Endpoints that differ only in a masked value (two tokens) have the same shown URI, but must stay distinct: Camel
     * pools producers per endpoint by {@code equals}.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatabricksEndpoint that && writtenUri.equals(that.writtenUri)
                && getCamelContext() == that.getCamelContext();
    }

    @Override
    public int hashCode() {
        return writtenUri.hashCode();
    }

    /**
     * Checks the options and resolves the query and connection settings, so that bad input fails at endpoint creation
     * with a message naming the option.
     */
    void configure(Environment environment, Clock clock, BrowserLauncher browser) {
        EndpointOptionsValidator.validate(configuration, getCamelContext());
        if (LoadTarget.isLoad(query)) {
            loadTarget = LoadTarget.parse(query, configuration.getStagingVolume());
            EndpointOptionsValidator.validateLoad(configuration);
            if (configuration.getDataSource() != null) {
                throw new IllegalArgumentException("A databricks:load: endpoint cannot use a dataSource: it uploads"
                        + " files to the workspace and needs the host and credentials options (or their environment"
                        + " variables)");
            }
        } else if (configuration.getStagingVolume() != null && !configuration.getStagingVolume().isBlank()) {
            throw new IllegalArgumentException("stagingVolume is only used by bulk-load endpoints"
                    + " (databricks:load:<table>?stagingVolume=...); this endpoint runs SQL. Remove stagingVolume, or"
                    + " write databricks:load:<catalog>.<schema>.<table> to load the body into a table");
        } else {
            parsedQuery = parseQuery();
        }
        if (configuration.getDataSource() == null) {
            ResolvedConnection resolved = ResolvedConnection.resolve(configuration, environment, clock, browser);
            connection = new ResolvedConnection(resolved.target(),
                    component().sharedCredentials(resolved.credentials()));
        }
    }

    /** The endpoint's SQL, read from a file if the path is a resource reference; null if it comes from the body. */
    private NamedParameterSql parseQuery() {
        if (query != null && !query.isBlank()) {
            String text = query.trim();
            if (ResourceHelper.hasScheme(text)) {
                try (java.io.InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(getCamelContext(),
                        text)) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new IllegalArgumentException("Cannot read the query from '" + query.trim() + "': "
                            + e.getMessage(), e);
                }
            }
            return NamedParameterSql.parse(text.trim());
        }
        if (!configuration.isUseMessageBodyForSql()) {
            throw new IllegalArgumentException("Missing query: write the SQL after 'databricks:' (e.g."
                    + " databricks:select 1), a classpath:/file: reference to it, or set useMessageBodyForSql=true");
        }
        return null;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new DatabricksProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (loadTarget != null) {
            throw new IllegalArgumentException("A databricks:load: endpoint only writes: use it in to(...), not in"
                    + " from(...)");
        }
        if (parsedQuery == null) {
            throw new IllegalArgumentException("A databricks consumer needs a query in the endpoint URI");
        }
        DatabricksConsumer consumer = new DatabricksConsumer(this, processor);
        configureConsumer(consumer);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (dataSource == null) {
            if (configuration.getDataSource() != null) {
                dataSource = configuration.getDataSource();
            } else {
                dataSource = pools().acquire(connection.target(), connection.credentials(), poolOptions());
                pooled = true;
                LOG.debug("{} uses {} as {}", this, connection.target(), connection.credentials().describe());
            }
        }
        retryLoop = new RetryLoop(retryPolicy(), coldStartWaiter(), component().clock(), component().sleeper(),
                component().random(), statistics);
        if (connection != null && healthProbe == null) {
            // one probe per endpoint, so that its producers share one cached reading
            WarehouseTarget target = connection.target();
            WarehouseStateClient client = SdkWarehouseStateClient.forHealthChecks(target.host(),
                    target.warehouseId(), target.userAgentEntry(), connection.credentials()::accessToken);
            healthProbe = new WarehouseStateProbe(client, connection.credentials(), target.warehouseId(),
                    Duration.ofMillis(configuration.getHealthCheckCacheTime()), component().clock());
        }
    }

    private WarehouseStateClient stateClient() {
        WarehouseTarget target = connection.target();
        return new SdkWarehouseStateClient(target.host(), target.warehouseId(), target.userAgentEntry(),
                connection.credentials()::accessToken);
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryInitialDelay()),
                configuration.getRetryMultiplier(), Duration.ofMillis(configuration.getRetryMaxDelay()),
                Duration.ofMillis(configuration.getRetryBudget()));
    }

    /** Null with a user DataSource: then the component does not know the warehouse. */
    private ColdStartWaiter coldStartWaiter() {
        if (connection == null) {
            return null;
        }
        return new ColdStartWaiter(stateClient(), connection.target().warehouseId(),
                configuration.isAutoStartWarehouse(), Duration.ofMillis(configuration.getWarehouseStartTimeout()),
                Duration.ofMillis(configuration.getWarehouseStatePollInterval()), component().clock(),
                component().sleeper());
    }

    private DatabricksComponent component() {
        return (DatabricksComponent) getComponent();
    }

    /**
     * The producer health check of this endpoint, or null with a user DataSource (then the component knows neither the
     * warehouse nor the credentials, and the check would have to open a connection).
     */
    DatabricksProducerHealthCheck newProducerHealthCheck(String id) {
        if (connection == null || healthProbe == null) {
            return null;
        }
        return new DatabricksProducerHealthCheck(id, healthProbe, connection.target(), connection.credentials(),
                configuration.getHealthCheckStoppedWarehouse());
    }

    /** What this endpoint has done, for the dev console. */
    public EndpointStatistics getStatistics() {
        return statistics;
    }

    /** Where the endpoint connects (host, warehouse, driver settings); null with a user DataSource. */
    public WarehouseTarget getTarget() {
        return connection == null ? null : connection.target();
    }

    /** The health check's cached warehouse reading; null with a user DataSource or before the endpoint started. */
    public WarehouseStateProbe getHealthProbe() {
        return healthProbe;
    }

    /** Runs statements with the endpoint's retry policy. Set while started. */
    RetryLoop getRetryLoop() {
        return retryLoop;
    }

    @Override
    protected void doStop() throws Exception {
        if (pooled) {
            pools().release(connection.target(), connection.credentials());
            pooled = false;
        }
        dataSource = null;
        super.doStop();
    }

    private ConnectionPools pools() {
        return component().getConnectionPools();
    }

    private ConnectionPools.PoolOptions poolOptions() {
        return new ConnectionPools.PoolOptions(configuration.getPoolSize(), configuration.getConnectionTimeout(),
                configuration.getMaxConnectionLifetime(), configuration.getPoolStopTimeout());
    }

    /** The DataSource exchanges use: the shared pool, or the user's {@code dataSource}. Set while started. */
    public DataSource getDataSource() {
        if (dataSource == null) {
            throw new IllegalStateException(this + " is not started");
        }
        return dataSource;
    }

    /** The table and staging folder of a databricks:load: endpoint; null for a SQL endpoint. */
    LoadTarget getLoadTarget() {
        return loadTarget;
    }

    /** The bulk loader of a databricks:load: endpoint, running its statements with the given runner. */
    BulkLoader newBulkLoader(SqlRunner runner) {
        WarehouseTarget target = connection.target();
        return new BulkLoader(loadTarget, configuration.getLoadFormat(), configuration.getLoadFileRows(), runner,
                target.host(), target.userAgentEntry(), connection.credentials()::accessToken);
    }

    /** The endpoint's SQL, parsed; null if the SQL comes from the message body. */
    NamedParameterSql getParsedQuery() {
        return parsedQuery;
    }

    public String getQuery() {
        return query;
    }

    /**
     * The SQL to run, with optional named parameters (:#name, :#${expression}, :#in:name); or classpath:/file: followed
     * by the location of a file that holds it.
     */
    public void setQuery(String query) {
        this.query = query;
    }

    /** The endpoint's options. */
    public DatabricksConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(DatabricksConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return connection == null ? null : connection.target().toString();
    }

    @Override
    public String getServiceProtocol() {
        return "jdbc";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        if (connection == null) {
            return null;
        }
        return Map.of("warehouseId", connection.target().warehouseId(), "authMode",
                connection.credentials().mode().option(), "userAgentEntry", connection.target().userAgentEntry());
    }

    @Override
    public String toString() {
        return "DatabricksEndpoint[" + EndpointUriMasking.mask(getEndpointUri()) + "]";
    }
}
