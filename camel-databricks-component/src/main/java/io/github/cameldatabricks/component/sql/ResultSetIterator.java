package io.github.cameldatabricks.component.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams rows from an open result set ({@code outputType=StreamList}). It owns the result set, its statement
 * and the pooled connection, and releases all three when exhausted or closed; the producer also closes it when
 * the exchange completes, so an abandoned iterator never holds a connection.
 */
public final class ResultSetIterator implements Iterator<Object>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultSetIterator.class);

    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final RowMapper rowMapper;
    private final Function<Map<String, Object>, Object> converter;
    private Boolean hasNext;
    private boolean closed;

    public ResultSetIterator(Connection connection, Statement statement, ResultSet resultSet,
            Function<Map<String, Object>, Object> converter) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.rowMapper = new RowMapper(resultSet);
        this.converter = converter;
    }

    @Override
    public synchronized boolean hasNext() {
        if (closed) {
            return false;
        }
        if (hasNext == null) {
            try {
                hasNext = resultSet.next();
            } catch (SQLException e) {
                close();
                throw new RuntimeCamelException("Reading the next row failed", e);
            }
            if (!hasNext) {
                close();
            }
        }
        return hasNext;
    }

    @Override
    public synchronized Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            return converter.apply(rowMapper.map(resultSet));
        } catch (SQLException e) {
            close();
            throw new RuntimeCamelException("Reading a row failed", e);
        }
    }

    /** Whether the resources were released. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(resultSet);
        closeQuietly(statement);
        closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }
}
