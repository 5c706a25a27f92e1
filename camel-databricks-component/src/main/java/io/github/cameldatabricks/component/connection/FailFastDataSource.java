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

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import io.github.cameldatabricks.component.auth.DatabricksCredentials;
import io.github.cameldatabricks.component.error.EndpointStoppedException;

/**
 * Lends connections from a HikariCP pool, but reports a failure to open one at once. Hikari keeps retrying a failed
 * connect in the background and tells the waiting caller only when {@code connectionTimeout} ends, as a timeout: a
 * rejected token or a stopped warehouse would hold every exchange for 30 s and hide the cause. Here the caller waits in
 * short slices and, as soon as an attempt made while it waited has failed, gets the driver's own error, which the
 * producer classifies (and, for a starting warehouse, waits on with progress in the log).
 */
final class FailFastDataSource implements DataSource {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FailFastDataSource.class);

    private static final long SLICE_MILLIS = 100;

    private final HikariDataSource hikari;
    private final DriverDataSource driver;
    private final DatabricksCredentials credentials;

    FailFastDataSource(HikariDataSource hikari, DriverDataSource driver, DatabricksCredentials credentials) {
        this.hikari = hikari;
        this.driver = driver;
        this.credentials = credentials;
    }

    /** The pool, for its metrics. */
    HikariDataSource pool() {
        return hikari;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            credentials.ensureReady();
        } catch (RuntimeException e) {
            // 08001: no connection was made; the cause (an OAuth error with its HTTP status, or an I/O failure)
            // tells the classifier the rest
            throw new SQLTransientConnectionException("Could not obtain credentials for the warehouse: "
                    + e.getMessage(), "08001", e);
        }
        Connection connection = borrow();
        try {
            credentials.beforeUse(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Connection borrow() throws SQLException {
        long failuresBefore = driver.borrowerWaiting();
        try {
            return borrowSince(failuresBefore);
        } finally {
            driver.borrowerDone(failuresBefore);
        }
    }

    private Connection borrowSince(long failuresBefore) throws SQLException {
        HikariPool pool = (HikariPool) hikari.getHikariPoolMXBean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hikari.getConnectionTimeout());
        while (true) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                return pool.getConnection(Math.max(1, Math.min(SLICE_MILLIS, remaining)));
            } catch (SQLTransientConnectionException timedOut) {
                stoppedWhileWaiting(timedOut);
                SQLException failure = driver.failureSince(failuresBefore);
                if (failure != null) {
                    throw new SQLTransientConnectionException("Could not open a connection to the warehouse: "
                            + failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut;
                }
            } catch (SQLException e) {
                stoppedWhileWaiting(e);
                throw e;
            }
        }
    }

    /** When the pool closed under the waiting exchange (its endpoint stopped), says so: not a warehouse failure. */
    private void stoppedWhileWaiting(SQLException e) throws SQLException {
        if (hikari.isClosed()) {
            throw new EndpointStoppedException("the endpoint stopped while the exchange waited for a connection to"
                    + " the warehouse", e);
        }
    }

    /**
     * The endpoint stops: attempts in flight are not waited for (they close what they open), and connections still busy
     * are waited for at most {@code waitMillis}. HikariCP's own close waits up to 10 s for a busy connection it cannot
     * abort, and databricks-jdbc cannot abort one blocked on a warehouse that does not answer; past the wait the pool
     * finishes closing on a daemon thread so that the CamelContext's stop carries on.
     */
    void close(long waitMillis) {
        driver.close();
        Thread closer = new Thread(hikari::close, hikari.getPoolName() + ":closer");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(Math.max(1, waitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.warn("Pool {} is still closing after poolStopTimeout ({} ms): connections are busy with statements the"
                    + " warehouse has not answered; it finishes closing in the background", hikari.getPoolName(),
                    waitMillis);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the endpoint's auth options");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return hikari.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        hikari.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        hikari.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return hikari.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return hikari.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return hikari.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || hikari.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "FailFastDataSource[" + hikari.getPoolName() + "]";
    }
}
