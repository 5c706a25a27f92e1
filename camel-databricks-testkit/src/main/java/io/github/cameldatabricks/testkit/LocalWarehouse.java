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
package io.github.cameldatabricks.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.testkit.audit.AuditLog;
import io.github.cameldatabricks.testkit.auth.Authenticator;
import io.github.cameldatabricks.testkit.auth.Permissions;
import io.github.cameldatabricks.testkit.auth.TokenRegistry;
import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.http.WorkspaceServer;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseLifecycle;
import io.github.cameldatabricks.testkit.oidc.Oidc;
import io.github.cameldatabricks.testkit.oidc.TestIdentityProvider;
import io.github.cameldatabricks.testkit.sql.AuditTable;
import io.github.cameldatabricks.testkit.sql.DuckDbEngine;
import io.github.cameldatabricks.testkit.sql.TableName;
import io.github.cameldatabricks.testkit.thrift.ExecutionPolicy;
import io.github.cameldatabricks.testkit.thrift.ThriftService;
import io.github.cameldatabricks.testkit.tls.TlsMaterial;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * An embedded Databricks SQL warehouse (and its workspace endpoints) that the unmodified databricks-jdbc driver
 * connects to over HTTP or HTTPS on 127.0.0.1. SQL runs on DuckDB with a thin Spark SQL dialect layer.
 *
 * <pre>{@code
 * try (LocalWarehouse warehouse = LocalWarehouse.builder().build().start()) {
 *     Connection c = DriverManager.getConnection(warehouse.jdbcUrl());
 * }
 * }</pre>
 */
public final class LocalWarehouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWarehouse.class);

    private final LocalWarehouseConfig config;
    private final Clock clock;
    private final TokenRegistry tokens;
    private final Permissions permissions = new Permissions();
    private final Faults faults = new Faults();
    private final Oidc oidc;
    private final CloudFetchFiles cloudFetch;
    private final List<TestIdentityProvider> identityProviders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private AuditLog audit;
    private DuckDbEngine engine;
    private VolumeStore volumes;
    private ThriftService thrift;
    private WarehouseLifecycle lifecycle;
    private WorkspaceServer server;
    private TlsMaterial tls;
    private Path workDirectory;
    private ExecutorService httpThreads;
    private ExecutorService workerThreads;
    private ScheduledExecutorService timerThreads;

    LocalWarehouse(LocalWarehouseConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.tokens = new TokenRegistry(clock);
        tokens.add(config.token(), config.principal());
        this.oidc = new Oidc(clock, config.principal());
        this.cloudFetch = new CloudFetchFiles(clock, faults, config.cloudFetch());
    }

    public static LocalWarehouseConfig.Builder builder() {
        return new LocalWarehouseConfig.Builder();
    }

    /** Starts the engine and the server; returns this. */
    public synchronized LocalWarehouse start() {
        if (server != null) {
            return this;
        }
        try {
            engine = new DuckDbEngine(config.sampleRows());
            volumes = VolumeStore.createTemporary();
            audit = new AuditLog(event -> {
                try {
                    AuditTable.insert(engine, config.workspaceId(), event);
                } catch (SQLException e) {
                    LOG.warn("could not write an audit row: {}", e.getMessage());
                }
            });
            httpThreads = Executors.newCachedThreadPool(daemon("localwarehouse-http"));
            workerThreads = Executors.newCachedThreadPool(daemon("localwarehouse-statement"));
            timerThreads = Executors.newScheduledThreadPool(2, daemon("localwarehouse-timer"));
            ExecutionPolicy policy = new ExecutionPolicy() {
                @Override
                public boolean isDenied(String principal, TableName table) {
                    return permissions.isDenied(principal, table);
                }

                @Override
                public Duration nextStatementDelay() {
                    return faults.nextStatementDelay();
                }

                @Override
                public boolean nextStatementConflicts() {
                    return faults.nextStatementConflicts();
                }
            };
            thrift = new ThriftService(engine, volumes, policy, workerThreads, timerThreads, config.maxPageRows(),
                    config.directResultsWait().toMillis(), config.arrowResults(), cloudFetch);
            lifecycle = new WarehouseLifecycle(clock, timerThreads, config.initialState(), config.startupTime(),
                    config.autoStopAfter(), config.startOnQuery(), thrift::closeAllSessions);
            if (config.tls()) {
                workDirectory = Files.createTempDirectory("localwarehouse-");
                tls = TlsMaterial.generate(workDirectory);
            }
            Authenticator authenticator = new Authenticator(List.of(tokens::check, oidc::verify));
            server = WorkspaceServer.start(config.port(), tls == null ? null : tls.serverContext(), httpThreads,
                    new WorkspaceServer.Services(config.warehouseId(), config.workspaceId(),
                            new TCLIService.Processor<>(thrift), authenticator, faults, lifecycle, audit, oidc, volumes,
                            clock, cloudFetch));
            LOG.info("LocalWarehouse listening on {} (warehouse {}, state {})", baseUrl(), config.warehouseId(),
                    lifecycle.state());
            return this;
        } catch (SQLException | GeneralSecurityException e) {
            close();
            throw new IllegalStateException("LocalWarehouse could not start: " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("LocalWarehouse could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        identityProviders.forEach(TestIdentityProvider::close);
        identityProviders.clear();
        if (server != null) {
            server.close();
            server = null;
        }
        if (thrift != null) {
            thrift.closeAllSessions();
        }
        shutdown(timerThreads);
        shutdown(workerThreads);
        shutdown(httpThreads);
        if (engine != null) {
            try {
                engine.close();
            } catch (SQLException e) {
                LOG.debug("closing DuckDB: {}", e.getMessage());
            }
            engine = null;
        }
        if (volumes != null) {
            volumes.close();
            volumes = null;
        }
        if (workDirectory != null) {
            try (var files = Files.walk(workDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    private static void shutdown(ExecutorService executor) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        requireStarted();
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT} or {@code https://127.0.0.1:PORT}: the workspace URL. */
    public String baseUrl() {
        return (config.tls() ? "https" : "http") + "://" + host() + ":" + port();
    }

    public String warehouseId() {
        return config.warehouseId();
    }

    /** {@code /sql/1.0/warehouses/<id>}. */
    public String httpPath() {
        return "/sql/1.0/warehouses/" + config.warehouseId();
    }

    /** The personal access token registered at start-up. */
    public String token() {
        return config.token();
    }

    /** The principal that {@link #token()} authenticates as. */
    public String principal() {
        return config.principal();
    }

    public boolean isTls() {
        return config.tls();
    }

    /** The JKS trust store holding the warehouse's CA (TLS only). */
    public Path trustStore() {
        requireStarted();
        return tls == null ? null : tls.trustStore();
    }

    public String trustStorePassword() {
        return tls == null ? null : tls.trustStorePassword();
    }

    /**
     * The warehouse's CA certificate as a PEM file (TLS only), for clients that read PEM rather than JKS: Python
     * ({@code ssl}, {@code requests}' {@code REQUESTS_CA_BUNDLE}), Node.js ({@code NODE_EXTRA_CA_CERTS}), curl.
     */
    public Path caCertificatePem() {
        requireStarted();
        return tls == null ? null : tls.caCertificatePem();
    }

    /** A complete JDBC URL for the real driver, authenticating with {@link #token()}. */
    public String jdbcUrl() {
        return jdbcUrl(config.token());
    }

    /** A complete JDBC URL for the real driver with the given personal access token. */
    public String jdbcUrl(String token) {
        return jdbcUrlWithoutCredentials() + ";AuthMech=3;UID=token;PWD=" + token;
    }

    /**
     * The JDBC URL without any auth properties: host, port, {@code httpPath}, TLS settings (trust store, and
     * {@code AcceptUndeterminedRevocation=1} because the generated CA has no CRL or OCSP responder), and the properties
     * that keep the driver off the network outside this warehouse ({@code UseThriftClient=1},
     * {@code EnableTelemetry=0}).
     */
    public String jdbcUrlWithoutCredentials() {
        StringBuilder url = new StringBuilder("jdbc:databricks://").append(host()).append(':').append(port())
                .append("/default;httpPath=").append(httpPath()).append(";UseThriftClient=1;EnableTelemetry=0");
        if (config.tls()) {
            url.append(";ssl=1;SSLTrustStore=").append(trustStore()).append(";SSLTrustStorePwd=")
                    .append(trustStorePassword()).append(";SSLTrustStoreType=JKS")
                    // the generated CA publishes no CRL or OCSP responder: revocation status is undeterminable
                    .append(";AcceptUndeterminedRevocation=1");
        } else {
            url.append(";ssl=0");
        }
        return url.toString();
    }

    /** Personal access tokens the workspace accepts. */
    public TokenRegistry tokens() {
        return tokens;
    }

    /** The per-principal deny list. */
    public Permissions permissions() {
        return permissions;
    }

    /**
     * The workspace's OAuth server: register service principals (M2M) and custom OAuth apps (U2M), set the token
     * lifetime, refresh-token rotation, auto-approval and the signed-in user, and count issued tokens.
     */
    public Oidc oidc() {
        return oidc;
    }

    /**
     * Starts a workload identity provider (an OIDC issuer with discovery and a JWKS, signing RS256 JWTs) on this
     * warehouse's clock, stopped when the warehouse closes. Register a
     * {@link io.github.cameldatabricks.testkit.oidc.FederationPolicy} naming its issuer with
     * {@code oidc().addFederationPolicy(...)} for the token endpoint to exchange its tokens.
     */
    public TestIdentityProvider startIdentityProvider() {
        TestIdentityProvider idp = TestIdentityProvider.start(clock);
        identityProviders.add(idp);
        return idp;
    }

    /**
     * CloudFetch: the settings in force (changeable at run time, e.g. to force links for a small result), the files
     * held for open operations, and counters of links issued and refreshed and of downloads.
     */
    public CloudFetchFiles cloudFetch() {
        return cloudFetch;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /**
     * The Unity Catalog volumes and their files (kept in a temporary directory deleted on {@link #close()}): create
     * volumes here or with {@code CREATE VOLUME}, read their files through the Files API.
     */
    public VolumeStore volumes() {
        requireStarted();
        return volumes;
    }

    /** Every request served. */
    public AuditLog audit() {
        requireStarted();
        return audit;
    }

    /** The warehouse's state machine (STOPPED, STARTING, RUNNING). */
    public WarehouseLifecycle lifecycle() {
        requireStarted();
        return lifecycle;
    }

    /** The configuration this warehouse was built with. */
    public LocalWarehouseConfig config() {
        return config;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("LocalWarehouse is not started: call start() first");
        }
    }

    static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "dapi" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "LocalWarehouse[" + (server == null ? "not started" : baseUrl() + httpPath()) + "]";
    }
}
