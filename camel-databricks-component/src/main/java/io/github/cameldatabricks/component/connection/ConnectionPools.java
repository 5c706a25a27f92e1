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
package io.github.cameldatabricks.component.connection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.auth.DatabricksCredentials;

/**
 * One HikariCP pool per distinct warehouse target and identity, shared by the endpoints that use it and closed when the
 * last of them stops. Pools open no connection until one is needed ({@code minimumIdle=0}): starting a route must not
 * wake (and bill) a stopped warehouse.
 */
public final class ConnectionPools {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPools.class);

    /** Pool sizing and timeouts. */
    public record PoolOptions(int maximumSize, long connectionTimeoutMillis, long maxLifetimeMillis,
            long stopTimeoutMillis) {
    }

    /**
     * One pool as the dev console shows it: where it connects, as whom (mode and principal, never a secret), and its
     * connections from HikariCP's pool MXBean.
     */
    public record PoolView(String name, WarehouseTarget target, String authMode, String principal, int endpoints,
            int active, int idle, int waiting, int total, int maximum) {
    }

    private record Key(String url, Map<String, String> properties, String identity) {
    }

    private static final class Entry {
        final HikariDataSource pool;
        final FailFastDataSource dataSource;
        final long stopTimeoutMillis;
        final WarehouseTarget target;
        final DatabricksCredentials credentials;
        int users;

        Entry(HikariDataSource pool, FailFastDataSource dataSource, long stopTimeoutMillis, WarehouseTarget target,
                DatabricksCredentials credentials) {
            this.pool = pool;
            this.dataSource = dataSource;
            this.stopTimeoutMillis = stopTimeoutMillis;
            this.target = target;
            this.credentials = credentials;
        }

        PoolView view() {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            boolean live = bean != null && !pool.isClosed();
            return new PoolView(pool.getPoolName(), target, credentials.mode().option(), credentials.principal(),
                    users, live ? bean.getActiveConnections() : 0, live ? bean.getIdleConnections() : 0,
                    live ? bean.getThreadsAwaitingConnection() : 0, live ? bean.getTotalConnections() : 0,
                    pool.getMaximumPoolSize());
        }
    }

    private final Map<Key, Entry> pools = new HashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** The pool for this target and identity, created on first use. Pair every call with {@link #release}. */
    public synchronized DataSource acquire(WarehouseTarget target, DatabricksCredentials credentials,
            PoolOptions options) {
        Key key = key(target, credentials);
        Entry entry = pools.get(key);
        if (entry == null) {
            UserAgentEntriesInUse.register(target.userAgentEntry());
            HikariConfig config = new HikariConfig();
            config.setPoolName("databricks-" + target.warehouseId() + "-" + sequence.incrementAndGet());
            DriverDataSource driver = new DriverDataSource(target, credentials::jdbcProperties);
            config.setDataSource(driver);
            config.setMaximumPoolSize(options.maximumSize());
            config.setMinimumIdle(0);
            config.setConnectionTimeout(options.connectionTimeoutMillis());
            config.setMaxLifetime(options.maxLifetimeMillis());
            config.setIdleTimeout(Math.min(600_000, options.maxLifetimeMillis()));
            // do not open (or fail on) a connection at start: the warehouse may be stopped
            config.setInitializationFailTimeout(-1);
            HikariDataSource pool = new HikariDataSource(config);
            entry = new Entry(pool, new FailFastDataSource(pool, driver, credentials), options.stopTimeoutMillis(),
                    target, credentials);
            pools.put(key, entry);
            LOG.debug("created pool {} for {} as {}", config.getPoolName(), target, credentials.describe());
        }
        entry.users++;
        return entry.dataSource;
    }

    /** Releases one use of the pool; the last release closes it. */
    public synchronized void release(WarehouseTarget target, DatabricksCredentials credentials) {
        Key key = key(target, credentials);
        Entry entry = pools.get(key);
        if (entry != null && --entry.users == 0) {
            pools.remove(key);
            entry.dataSource.close(entry.stopTimeoutMillis);
            LOG.debug("closed pool {}", entry.pool.getPoolName());
        }
    }

    /** How many pools are open. */
    public synchronized int size() {
        return pools.size();
    }

    /** The open pools, for the dev console. */
    public synchronized List<PoolView> views() {
        return pools.values().stream().map(Entry::view).toList();
    }

    /** Closes every pool. */
    public synchronized void closeAll() {
        pools.values().forEach(e -> e.dataSource.close(e.stopTimeoutMillis));
        pools.clear();
    }

    private static Key key(WarehouseTarget target, DatabricksCredentials credentials) {
        return new Key(target.jdbcUrl(), target.connectionProperties(), credentials.identity());
    }
}
