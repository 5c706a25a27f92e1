package io.github.cameldatabricks.component.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Runs bound statements on a pooled connection, one connection per call, returned to the pool at once (or, for
 * streaming, when the iterator closes). Autocommit is never touched: a warehouse has no multi-statement
 * transactions to manage, and toggling it costs a round trip per call.
 */
public final class SqlRunner {

    private final DataSource dataSource;
    private final StatementOptions options;

    public SqlRunner(DataSource dataSource, StatementOptions options) {
        this.dataSource = dataSource;
        this.options = options;
    }

    /** Runs the statement and reads every row (or the update count). */
    public QueryResult execute(BoundStatement bound) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, bound)) {
            if (statement.execute()) {
                try (ResultSet rs = statement.getResultSet()) {
                    RowMapper mapper = new RowMapper(rs);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return new QueryResult(rows, -1);
                }
            }
            return new QueryResult(null, Math.max(0, statement.getLargeUpdateCount()));
        }
    }

    /**
     * Runs a query and returns an iterator over its rows that holds the connection until it is exhausted or
     * closed.
     */
    public ResultSetIterator stream(BoundStatement bound, Function<Map<String, Object>, Object> converter)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        PreparedStatement statement = null;
        try {
            statement = prepare(connection, bound);
            ResultSet rs = statement.executeQuery();
            return new ResultSetIterator(connection, statement, rs, converter);
        } catch (SQLException | RuntimeException e) {
            if (statement != null) {
                statement.close();
            }
            connection.close();
            throw e;
        }
    }

    /** Runs one statement text with several parameter sets as a JDBC batch; returns the total update count. */
    public long executeBatch(String sql, List<List<Object>> parameterSets) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            applyOptions(statement);
            for (List<Object> values : parameterSets) {
                StatementBinder.bind(statement, values);
                statement.addBatch();
            }
            long total = 0;
            for (long count : statement.executeLargeBatch()) {
                total += Math.max(0, count);
            }
            return total;
        }
    }

    private PreparedStatement prepare(Connection connection, BoundStatement bound) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(bound.sql());
        try {
            applyOptions(statement);
            StatementBinder.bind(statement, bound.values());
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
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
}
