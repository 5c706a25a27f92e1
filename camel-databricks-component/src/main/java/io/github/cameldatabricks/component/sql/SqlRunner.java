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
package io.github.cameldatabricks.component.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.cameldatabricks.component.error.AttemptFailedException;
import io.github.cameldatabricks.component.error.ExecutionPhase;
import io.github.cameldatabricks.component.error.ResultTooLargeException;

/**
 * Runs bound statements on a pooled connection, one connection per call, returned to the pool at once (or, for
 * streaming, when the iterator closes). Failures say where they happened — getting a connection, running the statement,
 * or reading its rows — because that decides whether the statement may have run. Autocommit is never touched: a
 * warehouse has no multi-statement transactions to manage, and toggling it costs a round trip per call.
 */
public final class SqlRunner {

    private final DataSource dataSource;
    private final StatementOptions options;

    public SqlRunner(DataSource dataSource, StatementOptions options) {
        this.dataSource = dataSource;
        this.options = options;
    }

    /** Runs the statement and reads every row (or the update count). */
    public QueryResult execute(BoundStatement bound) throws AttemptFailedException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, bound)) {
            boolean hasRows;
            try {
                hasRows = statement.execute();
            } catch (SQLException e) {
                throw new AttemptFailedException(ExecutionPhase.EXECUTE, e);
            }
            if (!hasRows) {
                return new QueryResult(null, Math.max(0, updateCount(statement)));
            }
            try (ResultSet rs = statement.getResultSet()) {
                return new QueryResult(readAll(rs), -1);
            } catch (SQLException e) {
                throw new AttemptFailedException(ExecutionPhase.FETCH, e);
            }
        } catch (SQLException e) {
            // closing the statement or connection: the statement has run
            throw new AttemptFailedException(ExecutionPhase.FETCH, e);
        }
    }

    /**
     * Reads every row, within the result budget: past it, reading stops, the rows read are dropped and the statement is
     * closed (by the caller's try-with-resources), which ends the driver's page reading.
     */
    private List<Map<String, Object>> readAll(ResultSet rs) throws SQLException, AttemptFailedException {
        MapRowReader reader = new MapRowReader(rs);
        ResultBudget budget = ResultBudget.of(options.maxResultBytes());
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = reader.read(rs);
            if (!budget.add(row)) {
                rows.clear();
                throw new AttemptFailedException(ExecutionPhase.FETCH, new ResultTooLargeException(budget.rows(),
                        budget.limitBytes()));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Runs a query and returns an iterator over its rows that holds the connection until it is exhausted or closed.
     */
    public ResultSetIterator stream(BoundStatement bound, Function<Map<String, Object>, Object> converter)
            throws AttemptFailedException {
        Connection connection = connect();
        PreparedStatement statement = null;
        try {
            statement = prepare(connection, bound);
            ResultSet rs;
            try {
                rs = statement.executeQuery();
            } catch (SQLException e) {
                throw new AttemptFailedException(ExecutionPhase.EXECUTE, e);
            }
            return new ResultSetIterator(connection, statement, rs, converter);
        } catch (AttemptFailedException | RuntimeException e) {
            closeQuietly(statement);
            closeQuietly(connection);
            throw e;
        } catch (SQLException e) {
            closeQuietly(statement);
            closeQuietly(connection);
            throw new AttemptFailedException(ExecutionPhase.FETCH, e);
        }
    }

    /** The columns a query returns, read from its result metadata (run it with LIMIT 0 to read no rows). */
    public List<TableColumn> columns(String query) throws AttemptFailedException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, query)) {
            ResultSetMetaData meta;
            try (ResultSet rs = statement.executeQuery()) {
                meta = rs.getMetaData();
                List<TableColumn> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new TableColumn(meta.getColumnName(i), meta.getColumnTypeName(i)));
                }
                return columns;
            } catch (SQLException e) {
                throw new AttemptFailedException(ExecutionPhase.EXECUTE, e);
            }
        } catch (SQLException e) {
            throw new AttemptFailedException(ExecutionPhase.FETCH, e);
        }
    }

    private Connection connect() throws AttemptFailedException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new AttemptFailedException(ExecutionPhase.CONNECT, e);
        }
    }

    private PreparedStatement prepare(Connection connection, BoundStatement bound) throws AttemptFailedException {
        PreparedStatement statement = prepare(connection, bound.sql());
        try {
            StatementBinder.bind(statement, bound.values());
            return statement;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(statement);
            if (e instanceof SQLException sql) {
                // binding is local to the driver: nothing was sent
                throw new AttemptFailedException(ExecutionPhase.CONNECT, sql);
            }
            throw (RuntimeException) e;
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws AttemptFailedException {
        try {
            PreparedStatement statement = connection.prepareStatement(sql);
            applyOptions(statement);
            return statement;
        } catch (SQLException e) {
            // databricks-jdbc prepares locally; nothing reaches the warehouse before execute
            throw new AttemptFailedException(ExecutionPhase.CONNECT, e);
        }
    }

    private static long updateCount(PreparedStatement statement) throws AttemptFailedException {
        try {
            return statement.getLargeUpdateCount();
        } catch (SQLException e) {
            throw new AttemptFailedException(ExecutionPhase.FETCH, e);
        }
    }

    private void applyOptions(PreparedStatement statement) throws SQLException {
        if (options.maxRows() > 0) {
            statement.setMaxRows(options.maxRows());
        }
        if (options.fetchSize() > 0) {
            statement.setFetchSize(options.fetchSize());
        }
        if (options.queryTimeoutSeconds() > 0) {
            statement.setQueryTimeout(options.queryTimeoutSeconds());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // the original failure matters more
        }
    }
}
