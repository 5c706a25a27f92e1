package io.github.cameldatabricks.component;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a databricks: endpoint. The component holds one instance whose values
 * (camel.component.databricks.*) every endpoint starts from; each endpoint works on its own copy.
 */
@UriParams
public class DatabricksConfiguration implements Cloneable {

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

    @UriParam(label = "security", enums = "pat,token-env,oauth-m2m,oauth-u2m")
    private String authMode;

    @UriParam(label = "security", security = "secret")
    private String token;

    @UriParam(label = "security", security = "secret")
    private String accessToken;

    @UriParam(label = "security")
    private String clientId;

    @UriParam(label = "security", security = "secret")
    private String clientSecret;

    @UriParam(label = "security")
    private String redirectUri;

    @UriParam(label = "security")
    private String browserCommand;

    @UriParam(label = "security", defaultValue = "120000", javaType = "java.time.Duration")
    private long consentTimeout = 120000;

    @UriParam(label = "security")
    private String tokenCacheDirectory;

    @UriParam(label = "advanced", prefix = "jdbc.", multiValue = true)
    private Map<String, Object> jdbcProperties = new HashMap<>();

    @UriParam(label = "advanced", defaultValue = "4")
    private int poolSize = 4;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectionTimeout = 30000;

    @UriParam(label = "advanced", defaultValue = "1800000", javaType = "java.time.Duration")
    private long maxConnectionLifetime = 1800000;

    @UriParam(label = "advanced")
    private DataSource dataSource;

    @UriParam(label = "producer")
    private boolean useMessageBodyForSql;

    @UriParam(label = "common", defaultValue = "SelectList")
    private DatabricksOutputType outputType = DatabricksOutputType.SelectList;

    @UriParam(label = "common")
    private String outputClass;

    @UriParam(label = "producer")
    private String outputHeader;

    @UriParam(label = "common")
    private int maxRows;

    @UriParam(label = "common")
    private int fetchSize;

    @UriParam(label = "common")
    private int queryTimeout;

    @UriParam(label = "producer")
    private boolean batch;

    @UriParam(label = "consumer")
    private String onConsume;

    @UriParam(label = "consumer")
    private String onConsumeFailed;

    @UriParam(label = "consumer")
    private String onConsumeBatchComplete;

    @UriParam(label = "consumer")
    private boolean routeEmptyResultSet;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean useIterator = true;

    @UriParam(label = "consumer")
    private int maxMessagesPerPoll;

    @UriParam(label = "producer,retry", defaultValue = "3")
    private int maxRetries = 3;

    @UriParam(label = "producer,retry", defaultValue = "2000", javaType = "java.time.Duration")
    private long retryInitialDelay = 2000;

    @UriParam(label = "producer,retry", defaultValue = "2.0")
    private double retryMultiplier = 2.0;

    @UriParam(label = "producer,retry", defaultValue = "60000", javaType = "java.time.Duration")
    private long retryMaxDelay = 60000;

    @UriParam(label = "producer,retry", defaultValue = "300000", javaType = "java.time.Duration")
    private long retryBudget = 300000;

    @UriParam(label = "producer,warehouse", defaultValue = "600000", javaType = "java.time.Duration")
    private long warehouseStartTimeout = 600000;

    @UriParam(label = "producer,warehouse", defaultValue = "5000", javaType = "java.time.Duration")
    private long warehouseStatePollInterval = 5000;

    @UriParam(label = "producer,warehouse", defaultValue = "false")
    private boolean autoStartWarehouse = false;

    public String getHost() {
        return host;
    }

    /**
     * The workspace URL, e.g. https://myworkspace.cloud.databricks.com; a bare host name and host:port also work; plain http:// only for a loopback address such as a local emulator's. Falls back to the component option, then the DATABRICKS_HOST environment variable.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public String getHttpPath() {
        return httpPath;
    }

    /**
     * The SQL warehouse HTTP path, /sql/1.0/warehouses/WAREHOUSE_ID. Falls back to warehouseId, the component option, then the DATABRICKS_HTTP_PATH environment variable.
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
     * The ISV User-Agent entry required by the Databricks Partner Well-Architected Framework, in the form ISV-Name_Product-Name/Version, e.g. Acme_Integrator/1.2.0. It reaches the warehouse on every call and shows in the audit log. Defaults to this component's own entry.
     */
    public void setUserAgentEntry(String userAgentEntry) {
        this.userAgentEntry = userAgentEntry;
    }

    public String getAuthMode() {
        return authMode;
    }

    /**
     * How to authenticate: pat (personal access token, testing only), token-env (a pre-obtained OAuth access token), oauth-m2m, oauth-u2m. When unset: token means pat, accessToken means token-env; with no credential option, the APP_AUTH_TYPE environment variable selects it, else the one flow whose environment variables are set.
     */
    public void setAuthMode(String authMode) {
        this.authMode = authMode;
    }

    public String getToken() {
        return token;
    }

    /**
     * The personal access token for authMode=pat. Falls back to the DATABRICKS_TOKEN environment variable.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * A pre-obtained OAuth access token for authMode=token-env. Falls back to the DATABRICKS_ACCESS_TOKEN environment variable.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Map<String, Object> getJdbcProperties() {
        return jdbcProperties;
    }

    /**
     * Additional databricks-jdbc driver properties, each given as jdbc.PROPERTY=VALUE (e.g. jdbc.SocketTimeout=300). Authentication properties cannot be set this way: use the auth options.
     */
    public void setJdbcProperties(Map<String, Object> jdbcProperties) {
        this.jdbcProperties = jdbcProperties;
    }

    public int getPoolSize() {
        return poolSize;
    }

    /**
     * The maximum number of pooled connections to the warehouse. One pool is shared by all endpoints that target the same warehouse with the same identity.
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

    public DataSource getDataSource() {
        return dataSource;
    }

    /**
     * A user-supplied DataSource to use instead of the component's own pool (an escape hatch: host, warehouse and auth options are then not used).
     */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isUseMessageBodyForSql() {
        return useMessageBodyForSql;
    }

    /**
     * Whether to take the SQL from the message body instead of the endpoint.
     */
    public void setUseMessageBodyForSql(boolean useMessageBodyForSql) {
        this.useMessageBodyForSql = useMessageBodyForSql;
    }

    public DatabricksOutputType getOutputType() {
        return outputType;
    }

    /**
     * How a query result is returned: SelectList (a List of Maps), SelectOne (a single value, Map or bean; more than one row is an error) or StreamList (an Iterator of Maps for split().streaming(), released when the exchange completes).
     */
    public void setOutputType(DatabricksOutputType outputType) {
        this.outputType = outputType;
    }

    public String getOutputClass() {
        return outputClass;
    }

    /**
     * A class to map each row to (by setter or field name, case-insensitive) instead of a Map.
     */
    public void setOutputClass(String outputClass) {
        this.outputClass = outputClass;
    }

    public String getOutputHeader() {
        return outputHeader;
    }

    /**
     * Store the query result in this header instead of the message body.
     */
    public void setOutputHeader(String outputHeader) {
        this.outputHeader = outputHeader;
    }

    public int getMaxRows() {
        return maxRows;
    }

    /**
     * The maximum number of rows a query returns (0: no limit).
     */
    public void setMaxRows(int maxRows) {
        this.maxRows = maxRows;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    /**
     * The JDBC fetch size hint (0: the driver's default).
     */
    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    public int getQueryTimeout() {
        return queryTimeout;
    }

    /**
     * The statement timeout in seconds (0: none).
     */
    public void setQueryTimeout(int queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public boolean isBatch() {
        return batch;
    }

    /**
     * Execute the statement as a JDBC batch: the body is an Iterable or Iterator of parameter Maps.
     */
    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public String getOnConsume() {
        return onConsume;
    }

    /**
     * A statement to run after each row was processed successfully, e.g. UPDATE t SET done = true WHERE id = :#id; its :# parameters come from the row.
     */
    public void setOnConsume(String onConsume) {
        this.onConsume = onConsume;
    }

    public String getOnConsumeFailed() {
        return onConsumeFailed;
    }

    /**
     * A statement to run after a row failed processing; its :# parameters come from the row.
     */
    public void setOnConsumeFailed(String onConsumeFailed) {
        this.onConsumeFailed = onConsumeFailed;
    }

    public String getOnConsumeBatchComplete() {
        return onConsumeBatchComplete;
    }

    /**
     * A statement to run after all rows of a poll were processed.
     */
    public void setOnConsumeBatchComplete(String onConsumeBatchComplete) {
        this.onConsumeBatchComplete = onConsumeBatchComplete;
    }

    public boolean isRouteEmptyResultSet() {
        return routeEmptyResultSet;
    }

    /**
     * Whether to send an exchange (with an empty list) when a poll finds no rows.
     */
    public void setRouteEmptyResultSet(boolean routeEmptyResultSet) {
        this.routeEmptyResultSet = routeEmptyResultSet;
    }

    public boolean isUseIterator() {
        return useIterator;
    }

    /**
     * Whether the consumer sends one exchange per row (true) or one exchange with the list of rows.
     */
    public void setUseIterator(boolean useIterator) {
        this.useIterator = useIterator;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The maximum number of rows a poll processes (0: all).
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times the producer retries a failure that is transient and certainly did not run the statement (or a read-only statement), before it hands the failure to the route. 0 leaves every retry to the route's error handler.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * The delay before the first retry, in milliseconds; later delays grow by retryMultiplier, with +/-20% jitter.
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public double getRetryMultiplier() {
        return retryMultiplier;
    }

    /**
     * The factor by which each retry delay grows.
     */
    public void setRetryMultiplier(double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The longest delay between two retries, in milliseconds.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryBudget() {
        return retryBudget;
    }

    /**
     * The most time, in milliseconds, one exchange may spend on retries and their delays; no retry starts that would end after it. The driver's own wait on HTTP 429 Retry-After is bounded by it too, so the two never multiply. Waiting for a starting warehouse is bounded by warehouseStartTimeout instead.
     */
    public void setRetryBudget(long retryBudget) {
        this.retryBudget = retryBudget;
    }

    public long getWarehouseStartTimeout() {
        return warehouseStartTimeout;
    }

    /**
     * How long, in milliseconds, an exchange waits for a stopped or starting warehouse to reach RUNNING (checked through the SQL Warehouses API, with progress in the log) before it fails.
     */
    public void setWarehouseStartTimeout(long warehouseStartTimeout) {
        this.warehouseStartTimeout = warehouseStartTimeout;
    }

    public long getWarehouseStatePollInterval() {
        return warehouseStatePollInterval;
    }

    /**
     * How often, in milliseconds, the warehouse state is checked while waiting for it to start.
     */
    public void setWarehouseStatePollInterval(long warehouseStatePollInterval) {
        this.warehouseStatePollInterval = warehouseStatePollInterval;
    }

    public boolean isAutoStartWarehouse() {
        return autoStartWarehouse;
    }

    /**
     * Whether to start a STOPPED warehouse through the SQL Warehouses API when a statement finds it stopped. Without it, the component waits only for a warehouse that is already starting (or that starts on the query itself, as serverless warehouses do).
     */
    public void setAutoStartWarehouse(boolean autoStartWarehouse) {
        this.autoStartWarehouse = autoStartWarehouse;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The OAuth client id: the service principal's application id for authMode=oauth-m2m (falls back to DATABRICKS_CLIENT_ID), or the custom OAuth app's client id for authMode=oauth-u2m (falls back to DATABRICKS_U2M_CLIENT_ID).
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * The OAuth client secret: the service principal's secret for oauth-m2m (falls back to DATABRICKS_CLIENT_SECRET), or the custom OAuth app's secret for oauth-u2m, if it has one (falls back to DATABRICKS_U2M_CLIENT_SECRET).
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    /**
     * The redirect URI registered for the custom OAuth app (oauth-u2m); the component listens on its host, port and path for the browser's callback. Falls back to DATABRICKS_REDIRECT_URI, then http://localhost:8080/callback.
     */
    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public String getBrowserCommand() {
        return browserCommand;
    }

    /**
     * How to open the sign-in page for oauth-u2m: a command that gets the URL as its last argument (e.g. xdg-open, or a path to a script); none to only log the URL (headless); unset for the system browser, or the log when there is none.
     */
    public void setBrowserCommand(String browserCommand) {
        this.browserCommand = browserCommand;
    }

    public long getConsentTimeout() {
        return consentTimeout;
    }

    /**
     * How long, in milliseconds, oauth-u2m waits for the user to sign in and approve in the browser.
     */
    public void setConsentTimeout(long consentTimeout) {
        this.consentTimeout = consentTimeout;
    }

    public String getTokenCacheDirectory() {
        return tokenCacheDirectory;
    }

    /**
     * Where oauth-u2m keeps its tokens between runs (one owner-only file per host and client id), so that a restart needs no new sign-in; none disables the cache. Defaults to .config/camel-databricks/oauth in the user home directory.
     */
    public void setTokenCacheDirectory(String tokenCacheDirectory) {
        this.tokenCacheDirectory = tokenCacheDirectory;
    }

    /** A copy whose maps can be changed without affecting this instance. */
    public DatabricksConfiguration copy() {
        try {
            DatabricksConfiguration copy = (DatabricksConfiguration) super.clone();
            copy.jdbcProperties = new HashMap<>(jdbcProperties);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
