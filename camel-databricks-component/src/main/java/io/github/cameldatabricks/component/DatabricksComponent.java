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

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

import io.github.cameldatabricks.component.auth.BrowserLauncher;
import io.github.cameldatabricks.component.auth.DatabricksCredentials;
import io.github.cameldatabricks.component.auth.OAuthCredentials;
import io.github.cameldatabricks.component.connection.ConnectionPools;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.env.Sleeper;

/**
 * Runs SQL on Databricks SQL warehouses. Component options ({@code camel.component.databricks.*}) are the defaults of
 * every endpoint; the component owns the connection pools that endpoints targeting the same warehouse and identity
 * share.
 */
@Component("databricks")
public class DatabricksComponent extends HealthCheckComponent {

    /** This component's version, as sent in its default User-Agent entry. */
    public static final String VERSION = readVersion();

    @Metadata
    private DatabricksConfiguration configuration = new DatabricksConfiguration();

    private final ConnectionPools pools = new ConnectionPools();
    /**
     * One credentials object per identity, shared by the endpoints that have it: a rotating U2M refresh token must have
     * one owner, and one token source per identity keeps M2M token requests independent of endpoint count.
     */
    private final Map<String, DatabricksCredentials> credentials = new ConcurrentHashMap<>();
    private Environment environment = Environment.system();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private BrowserLauncher browserLauncher;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private final AtomicInteger healthCheckSequence = new AtomicInteger();

    public DatabricksComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (parameters.get("authMode") instanceof String mode && mode.isBlank()) {
            // an empty placeholder means unset, as for the other auth options (Camel's enum converter would refuse it)
            parameters.remove("authMode");
        }
        try {
            return doCreateEndpoint(uri, remaining, parameters);
        } catch (IllegalArgumentException e) {
            // our messages name the option and what is expected; the masked URI keeps unknown values out
            throw new ResolveEndpointFailedException(EndpointUriMasking.mask(uri), e.getMessage());
        } catch (PropertyBindingException e) {
            String option = e.getPropertyName();
            boolean secret = option == null || !EndpointUriMasking.isKnownOption(option)
                    || new DatabricksEndpointUriFactory().secretPropertyNames().contains(option);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            Class<?> type = option == null ? null : new DatabricksEndpointConfigurer().getOptionType(option, true);
            // Camel's enum converter says "Enum class ... does not have any constant": say what is expected instead
            String expected = type != null && type.isEnum()
                    ? "expected one of " + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", "))
                    : root.getMessage();
            throw new ResolveEndpointFailedException(EndpointUriMasking.mask(uri), "Invalid value "
                    + (secret ? "" : "'" + e.getValue() + "' ") + "for option " + option + ": "
                    + (secret ? "not a valid value" : expected));
        }
    }

    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        if (parameters == null || parameters.isEmpty()) {
            return;
        }
        // Camel's own check would print the unknown options with their values, which may be secrets
        String names = parameters.keySet().stream().filter(k -> optionPrefix == null || !k.startsWith(optionPrefix))
                .sorted().collect(Collectors.joining(", "));
        if (!names.isEmpty()) {
            throw new ResolveEndpointFailedException(EndpointUriMasking.mask(uri), "Unknown option(s) " + names
                    + ": check the spelling against the databricks component options (see the component docs)");
        }
    }

    private Endpoint doCreateEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DatabricksConfiguration endpointConfiguration = configuration != null ? configuration.copy()
                : new DatabricksConfiguration();
        // the endpoint's own URI is the masked one: Camel shows it in JMX names, `camel get endpoint`, route
        // summaries and the exchange property CamelToEndpoint, where inline secret values (jdbc.ProxyPwd, a token
        // given as RAW(...)) must not appear; Camel's registry keeps the URI as written
        DatabricksEndpoint endpoint = new DatabricksEndpoint(EndpointUriMasking.mask(uri), uri, this,
                endpointConfiguration);
        RawOptionValues.check(parameters);
        Map<String, Object> jdbcProperties = PropertiesHelper.extractProperties(parameters, "jdbc.");
        endpointConfiguration.getJdbcProperties().putAll(jdbcProperties);
        endpoint.setQuery(remaining);
        setProperties(endpoint, parameters);
        endpoint.configure(environment, clock, browserLauncher);
        return endpoint;
    }

    /**
     * For OAuth, the credentials this component already holds for the same identity, else {@code resolved}, now held;
     * static tokens have no state to share (and are not kept, so dynamic endpoints do not pile them up).
     */
    DatabricksCredentials sharedCredentials(DatabricksCredentials resolved) {
        if (!(resolved instanceof OAuthCredentials)) {
            return resolved;
        }
        return credentials.computeIfAbsent(resolved.identity(), identity -> resolved);
    }

    /**
     * A unique id for a producer health check, in Camel's producer:NAME form: the warehouse id and a sequence number,
     * since one endpoint can have several producers (e.g. several routes sending to it).
     */
    String nextHealthCheckId(DatabricksEndpoint endpoint) {
        String warehouse = endpoint.getTarget() == null ? "datasource" : endpoint.getTarget().warehouseId();
        return "producer:databricks-" + warehouse + "-" + healthCheckSequence.incrementAndGet();
    }

    /** The OAuth identities this component holds tokens for, one per identity (for the dev console). */
    public List<OAuthCredentials> getOAuthIdentities() {
        return credentials.values().stream().filter(OAuthCredentials.class::isInstance)
                .map(OAuthCredentials.class::cast).toList();
    }

    @Override
    protected void doStop() throws Exception {
        pools.closeAll();
        credentials.clear();
        super.doStop();
    }

    /** The component-level defaults that each endpoint copies. */
    public DatabricksConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level defaults that each endpoint copies. */
    public void setConfiguration(DatabricksConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Where {@code DATABRICKS_*} and {@code APP_AUTH_TYPE} variables are read; the process environment by default.
     * Embedders and tests can supply their own (not an endpoint option).
     */
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** The clock used to check token expiry (not an endpoint option). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * How the producer waits between attempts and for a starting warehouse; real sleeping by default. Tests pair a
     * sleeper that advances a manual clock with {@link #setClock} (not an endpoint option).
     */
    public void setSleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * Opens the OAuth U2M sign-in page instead of what the browserCommand option says: for embedders with their own UI,
     * and for tests that drive a real browser (not an endpoint option).
     */
    public void setBrowserLauncher(BrowserLauncher browserLauncher) {
        this.browserLauncher = browserLauncher;
    }

    /** The source of back-off jitter, values in [0, 1) (not an endpoint option). */
    public void setRandom(DoubleSupplier random) {
        this.random = random;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    DoubleSupplier random() {
        return random;
    }

    /** The connection pools shared by this component's endpoints. */
    public ConnectionPools getConnectionPools() {
        return pools;
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = DatabricksComponent.class.getResourceAsStream("camel-databricks.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to the default
        }
        String version = properties.getProperty("version", "");
        return version.isBlank() || version.startsWith("$") ? "0.0.0" : version;
    }
}
