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

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.component.error.ErrorClassification;
import io.github.cameldatabricks.component.error.ErrorClassifier;
import io.github.cameldatabricks.component.error.ExecutionPhase;

/**
 * Streams rows from an open result set ({@code outputType=StreamList}). It owns the result set, its statement and the
 * pooled connection, and releases all three when exhausted or closed; the producer also closes it when the exchange
 * completes, so an abandoned iterator never holds a connection.
 */
public final class ResultSetIterator implements Iterator<Object>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultSetIterator.class);

    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final MapRowReader rowReader;
    private final Function<Map<String, Object>, Object> converter;
    private Boolean hasNext;
    private long delivered;
    private boolean closed;

    public ResultSetIterator(Connection connection, Statement statement, ResultSet resultSet,
            Function<Map<String, Object>, Object> converter) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.rowReader = new MapRowReader(resultSet);
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
                throw failure(e);
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
            Object row = converter.apply(rowReader.read(resultSet));
            delivered++;
            return row;
        } catch (SQLException e) {
            close();
            throw failure(e);
        }
    }

    /**
     * A read that failed after rows were handed out, classified like any failure (so that
     * {@code onException(DatabricksException.class)} and category rules see it: Camel matches the cause) and saying how
     * many rows the iterator had already returned (a streaming splitter reads one ahead of what it processed), for the
     * route to decide whether to run the query again.
     */
    private RuntimeCamelException failure(SQLException e) {
        ErrorClassification verdict = ErrorClassifier.classify(e, ExecutionPhase.FETCH);
        // the query only reads: running it again is safe
        verdict = verdict.category() == ErrorCategory.AMBIGUOUS ? verdict.withRetryable(true) : verdict;
        DatabricksException classified = DatabricksException.of(verdict.withReason("reading the result failed after "
                + delivered + (delivered == 1 ? " row was" : " rows were") + " read: " + verdict.reason()), 1, e);
        return new RuntimeCamelException(classified.getMessage(), classified);
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
