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
package io.github.cameldatabricks.testkit.thrift;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldatabricks.testkit.sql.DuckDbErrors;

/**
 * Streams rows from a DuckDB result set, converting each value to its wire form. Owns the statement and the connection
 * and closes them with the result.
 */
final class JdbcRowSource implements RowSource {

    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final List<ResultColumn> columns = new ArrayList<>();
    private final long rowLimit;
    private long delivered;
    private Boolean lookahead;

    JdbcRowSource(Connection connection, Statement statement, ResultSet resultSet, long rowLimit) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.rowLimit = rowLimit > 0 ? rowLimit : Long.MAX_VALUE;
        ResultSetMetaData md = resultSet.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String duckType = md.getColumnTypeName(i);
            columns.add(new ResultColumn(md.getColumnLabel(i), ColumnType.fromDuck(duckType), duckType));
        }
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public List<Object[]> next(int max) throws Exception {
        List<Object[]> page = new ArrayList<>();
        while (page.size() < max && hasMore()) {
            lookahead = null;
            Object[] row = new Object[columns.size()];
            try {
                for (int i = 0; i < row.length; i++) {
                    row[i] = WireValues.read(resultSet, i + 1, columns.get(i));
                }
            } catch (SQLException e) {
                throw DuckDbErrors.translate(e);
            }
            page.add(row);
            delivered++;
        }
        return page;
    }

    @Override
    public boolean hasMore() throws Exception {
        if (delivered >= rowLimit) {
            return false;
        }
        if (lookahead == null) {
            try {
                lookahead = resultSet.next();
            } catch (SQLException e) {
                throw DuckDbErrors.translate(e);
            }
        }
        return lookahead;
    }

    @Override
    public void close() {
        closeQuietly(resultSet);
        closeQuietly(statement);
        closeQuietly(connection);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after an error or a cancel: nothing useful to report
        }
    }
}
