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
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.databricks.client.jdbc.Driver;

import io.github.cameldatabricks.component.error.EndpointStoppedException;

/**
 * Opens physical connections through the databricks-jdbc driver, asking for the credentials each time. HikariCP pools
 * this DataSource; it never sees (and so never logs) the credential properties.
 */
public final class DriverDataSource implements DataSource {

    private final Driver driver = new Driver();
    private final String url;
    private final Properties baseProperties = new Properties();
    private final Supplier<java.util.Map<String, String>> credentials;
    private volatile int loginTimeoutSeconds;
    private volatile boolean closed;
    private long failures;
    private SQLException lastFailure;
    /** For each failure count, how many borrowers that started waiting at that count are still waiting. */
    private final java.util.TreeMap<Long, Integer> borrowers = new java.util.TreeMap<>();

    public DriverDataSource(WarehouseTarget target, Supplier<java.util.Map<String, String>> credentials) {
        this.url = target.jdbcUrl();
        baseProperties.putAll(target.connectionProperties());
        this.credentials = credentials;
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException answered = failureEveryBorrowerHasSeen();
        if (answered != null) {
            // HikariCP retries a failed connect in the background for as long as a borrower waits, but each
            // waiting borrower already has its answer (FailFastDataSource hands it the failure): another attempt
            // would only send a rejected credential, or load a stopped warehouse, once more
            throw new SQLException("Not retried in the background: " + answered.getMessage(),
                    answered.getSQLState(), answered.getErrorCode(), answered);
        }
        Properties properties = new Properties();
        properties.putAll(baseProperties);
        try {
            properties.putAll(credentials.get());
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new SQLException("databricks-jdbc did not accept the URL " + url, "08001");
            }
            if (closed) {
                // an attempt that outlived the pool: nobody will use or close this session
                connection.close();
                throw new EndpointStoppedException("the endpoint stopped while a connection was being opened", null);
            }
            return connection;
        } catch (SQLException e) {
            recordFailure(e);
            throw e;
        } catch (RuntimeException e) {
            recordFailure(new SQLException("Opening a connection failed: " + e.getMessage(), "08001", e));
            throw e;
        }
    }

    private synchronized void recordFailure(SQLException failure) {
        lastFailure = failure;
        failures++;
    }

    /**
     * A borrower starts waiting for a connection; returns the failure count to pass to {@link #failureSince} and
     * {@link #borrowerDone}.
     */
    public synchronized long borrowerWaiting() {
        borrowers.merge(failures, 1, Integer::sum);
        return failures;
    }

    /** The borrower that started waiting at {@code count} has a connection or gave up. */
    public synchronized void borrowerDone(long count) {
        borrowers.computeIfPresent(count, (k, n) -> n == 1 ? null : n - 1);
    }

    /** The latest failure, when there are waiting borrowers and every one of them started before it; else null. */
    private synchronized SQLException failureEveryBorrowerHasSeen() {
        return !borrowers.isEmpty() && borrowers.lastKey() < failures ? lastFailure : null;
    }

    /**
     * The latest failure to open a connection, if any failed after {@link #borrowerWaiting()} returned the given count.
     */
    public synchronized SQLException failureSince(long count) {
        return failures > count ? lastFailure : null;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the endpoint's auth options");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the driver has no login timeout (its socketTimeout applies); HikariCP sets this from connectionTimeout
        // and reads it back as how long to wait for in-flight connection attempts when the pool closes
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        // HikariCP reads this only when the pool closes, as how long to wait for connection attempts in flight:
        // an attempt to a warehouse that never answers would hold the CamelContext's stop for connectionTimeout,
        // so closing does not wait (a late connection is closed by getConnection)
        return closed ? 0 : loginTimeoutSeconds;
    }

    /** The pool is closing: attempts still in flight close what they open. */
    void close() {
        closed = true;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverDataSource[" + url + "]";
    }
}
