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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementReq;

import io.github.cameldatabricks.testkit.copyinto.CopyIntoLoader;
import io.github.cameldatabricks.testkit.copyinto.CopyIntoResult;
import io.github.cameldatabricks.testkit.sql.CopyIntoCommand;
import io.github.cameldatabricks.testkit.sql.DescribeCommand;
import io.github.cameldatabricks.testkit.sql.DuckDbEngine;
import io.github.cameldatabricks.testkit.sql.DuckDbErrors;
import io.github.cameldatabricks.testkit.sql.ParseErrorContext;
import io.github.cameldatabricks.testkit.sql.SparkSqlTranslator;
import io.github.cameldatabricks.testkit.sql.TableName;
import io.github.cameldatabricks.testkit.sql.TimeZones;
import io.github.cameldatabricks.testkit.sql.Translation;
import io.github.cameldatabricks.testkit.sql.VolumeCommand;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * Runs statements the way a warehouse does: errors found while parsing are thrown to the caller (which reports them on
 * ExecuteStatement, or as a failed operation for {@code runAsync}), everything else runs on a worker thread (volume DDL
 * at once) and is observed through the operation state.
 */
final class StatementExecutor {

    /**
     * COPY INTO's result row. Databricks returns these three columns, in this order (Databricks Academy notebooks and
     * user notebooks print {@code num_affected_rows, num_inserted_rows, num_skipped_corrupt_files}); the driver's
     * update count reads {@code num_affected_rows}.
     */
    private static final List<ResultColumn> COPY_INTO_COLUMNS = List.of(
            ResultColumn.of("num_affected_rows", ColumnType.BIGINT),
            ResultColumn.of("num_inserted_rows", ColumnType.BIGINT),
            ResultColumn.of("num_skipped_corrupt_files", ColumnType.BIGINT));

    private final DuckDbEngine engine;
    private final SparkSqlTranslator translator = new SparkSqlTranslator();
    private final ExecutionPolicy policy;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final VolumeCommands volumeCommands;
    private final CopyIntoLoader copyInto;
    private final DescribeTable describeTable;

    StatementExecutor(DuckDbEngine engine, VolumeStore volumes, ExecutionPolicy policy, ExecutorService workers,
            ScheduledExecutorService timers) {
        this.engine = engine;
        this.policy = policy;
        this.workers = workers;
        this.timers = timers;
        this.volumeCommands = new VolumeCommands(engine, volumes);
        this.copyInto = new CopyIntoLoader(volumes);
        this.describeTable = new DescribeTable(engine);
    }

    /**
     * Starts a statement. Throws a {@link WarehouseSqlException} for errors found before it runs (parse errors,
     * unsupported statements), which the caller reports on ExecuteStatement itself or, for {@code runAsync}, through
     * {@link #failed}; returns the operation otherwise, which may already have failed.
     */
    Operation start(WarehouseSession session, TExecuteStatementReq req) throws WarehouseSqlException {
        try {
            return startStatement(session, req);
        } catch (WarehouseSqlException e) {
            throw ParseErrorContext.attach(e, req.getStatement());
        }
    }

    /** An operation that failed before it ran (a parse error of an asynchronous statement), in the session. */
    Operation failed(WarehouseSession session, WarehouseSqlException error) {
        Operation op = new Operation(UUID.randomUUID(), session);
        op.fail(error);
        session.add(op);
        return op;
    }

    private Operation startStatement(WarehouseSession session, TExecuteStatementReq req)
            throws WarehouseSqlException {
        Translation translation = translator.translate(req.getStatement(), session);
        Operation op = new Operation(UUID.randomUUID(), session);
        switch (translation.kind()) {
            case USE -> use(op, translation);
            case SET -> set(op, translation);
            case VOLUME -> volume(op, (VolumeCommand) translation.command());
            case COPY_INTO -> copyInto(op, translation, req);
            case DESCRIBE -> describe(op, translation);
            default -> submit(op, translation, req);
        }
        session.add(op);
        return op;
    }

    private void use(Operation op, Translation t) {
        WarehouseSession session = op.session();
        String catalog = t.catalog() != null ? t.catalog() : session.catalog();
        try {
            if (!engine.catalogExists(catalog)) {
                op.fail(new WarehouseSqlException("NO_SUCH_CATALOG_EXCEPTION", "42704",
                        "Catalog '" + catalog + "' not found.", false));
                return;
            }
            if (t.schema() != null && !engine.schemaExists(catalog, t.schema())) {
                op.fail(new WarehouseSqlException("SCHEMA_NOT_FOUND", "42704",
                        "The schema `" + catalog + "`.`" + t.schema() + "` cannot be found.", false));
                return;
            }
        } catch (SQLException e) {
            op.fail(DuckDbErrors.translate(e));
            return;
        }
        session.use(t.catalog(), t.schema());
        op.finish(new ListRowSource(List.of(), List.of()));
    }

    private void set(Operation op, Translation t) {
        Map<String, String> conf = op.session().conf();
        List<ResultColumn> columns = List.of(ResultColumn.of("key", ColumnType.STRING),
                ResultColumn.of("value", ColumnType.STRING));
        List<Object[]> rows = new ArrayList<>();
        if (t.confKey() == null) {
            new TreeMap<>(conf).forEach((k, v) -> rows.add(new Object[]{ k, v }));
        } else {
            String key = t.confKey().toLowerCase(Locale.ROOT);
            if (key.equals("timezone")) {
                key = TimeZones.CONF_KEY; // SET TIME ZONE sets spark.sql.session.timeZone
            }
            if (t.confValue() != null) {
                if (key.equals(TimeZones.CONF_KEY)) {
                    try {
                        TimeZones.toDuck(t.confValue());
                    } catch (WarehouseSqlException e) {
                        op.fail(e);
                        return;
                    }
                }
                conf.put(key, t.confValue());
            }
            rows.add(new Object[]{ t.confKey(), conf.getOrDefault(key, "<undefined>") });
        }
        op.finish(new ListRowSource(columns, rows));
    }

    private void submit(Operation op, Translation t, TExecuteStatementReq req) throws WarehouseSqlException {
        WarehouseSession session = op.session();
        Connection connection = null;
        PreparedStatement statement;
        try {
            connection = engine.openConnection(session.catalog(), session.schema(), session.timeZone());
            List<String> statements = t.duckSql();
            try (Statement setup = connection.createStatement()) {
                for (int i = 0; i < statements.size() - 1; i++) {
                    setup.execute(statements.get(i));
                }
            }
            if (statements.isEmpty()) {
                statement = null;
            } else {
                ParameterBinder.Bound bound = ParameterBinder.bind(statements.get(statements.size() - 1),
                        req.getParameters(), t.parameterNames());
                statement = connection.prepareStatement(bound.sql());
                bound.applyTo(statement);
            }
        } catch (SQLException e) {
            JdbcRowSource.closeQuietly(connection);
            WarehouseSqlException error = DuckDbErrors.translate(e);
            if (error.isSynchronous()) {
                throw error;
            }
            op.fail(error);
            return;
        } catch (WarehouseSqlException e) {
            JdbcRowSource.closeQuietly(connection);
            if (e.isSynchronous()) {
                throw e;
            }
            op.fail(e);
            return;
        }
        WarehouseSqlException denial = denial(session, t);
        if (denial == null && policy.nextStatementConflicts()) {
            denial = DuckDbErrors.writeConflict();
        }
        if (denial != null) {
            JdbcRowSource.closeQuietly(statement);
            JdbcRowSource.closeQuietly(connection);
            op.fail(denial);
            return;
        }
        long rowLimit = req.isSetResultRowLimit() ? req.getResultRowLimit() : 0;
        Duration delay = policy.nextStatementDelay();
        Connection conn = connection;
        Future<?> future = workers.submit(() -> run(op, conn, statement, t, rowLimit, delay));
        op.running(statement, future);
        scheduleTimeout(op, req);
    }

    private WarehouseSqlException denial(WarehouseSession session, Translation t) {
        for (TableName table : t.tables()) {
            if (policy.isDenied(session.principal(), table)) {
                return new WarehouseSqlException("INSUFFICIENT_PERMISSIONS", "42501",
                        "Insufficient privileges: User does not have SELECT on Table '" + table + "'.", false);
            }
        }
        return null;
    }

    private void scheduleTimeout(Operation op, TExecuteStatementReq req) {
        if (req.isSetQueryTimeout() && req.getQueryTimeout() > 0) {
            timers.schedule(op::timeOut, req.getQueryTimeout(), TimeUnit.SECONDS);
        }
    }

    private void volume(Operation op, VolumeCommand command) {
        try {
            op.finish(volumeCommands.execute(command));
        } catch (WarehouseSqlException e) {
            op.fail(e);
        } catch (SQLException e) {
            op.fail(DuckDbErrors.translate(e));
        }
    }

    private void describe(Operation op, Translation t) {
        WarehouseSqlException denial = denial(op.session(), t);
        if (denial != null) {
            op.fail(denial);
            return;
        }
        try {
            op.finish(describeTable.execute((DescribeCommand) t.command(), op.session()));
        } catch (SQLException e) {
            op.fail(DuckDbErrors.translate(e));
        }
    }

    private void copyInto(Operation op, Translation t, TExecuteStatementReq req) {
        WarehouseSqlException denial = denial(op.session(), t);
        if (denial != null) {
            op.fail(denial);
            return;
        }
        Duration delay = policy.nextStatementDelay();
        Future<?> future = workers.submit(() -> runCopyInto(op, (CopyIntoCommand) t.command(), delay));
        op.running(null, future);
        scheduleTimeout(op, req);
    }

    private void runCopyInto(Operation op, CopyIntoCommand command, Duration delay) {
        WarehouseSession session = op.session();
        try {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            CopyIntoResult result;
            try (Connection connection = engine.openConnection(session.catalog(), session.schema())) {
                result = copyInto.load(connection, command);
            }
            op.modifiedRows(result.insertedRows());
            op.finish(new ListRowSource(COPY_INTO_COLUMNS, List.<Object[]>of(
                    new Object[]{ result.insertedRows(), result.insertedRows(), 0L })));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WarehouseSqlException e) {
            op.fail(e);
        } catch (SQLException e) {
            op.fail(DuckDbErrors.translate(e));
        } catch (RuntimeException e) {
            op.fail(new WarehouseSqlException("INTERNAL_ERROR", "XX000", String.valueOf(e.getMessage()), false));
        }
    }

    private void run(Operation op, Connection connection, PreparedStatement statement, Translation t, long rowLimit,
            Duration delay) {
        boolean handedOver = false;
        try {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            RowSource result;
            if (statement == null) {
                result = new ListRowSource(List.of(), List.of());
            } else if (statement.execute()) {
                result = new JdbcRowSource(connection, statement, statement.getResultSet(), rowLimit);
                handedOver = true;
            } else {
                long count = statement.getUpdateCount();
                if (t.kind() == Translation.Kind.DML) {
                    op.modifiedRows(Math.max(count, 0));
                }
                result = updateResult(t, count);
            }
            op.finish(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            op.fail(DuckDbErrors.translate(e));
        } catch (RuntimeException e) {
            op.fail(new WarehouseSqlException("INTERNAL_ERROR", "XX000", String.valueOf(e.getMessage()), false));
        } finally {
            if (!handedOver) {
                JdbcRowSource.closeQuietly(statement);
                JdbcRowSource.closeQuietly(connection);
            }
        }
    }

    /** DML reports its counts as a one-row result with {@code num_affected_rows}, as Databricks does. */
    private static RowSource updateResult(Translation t, long count) {
        if (t.kind() == Translation.Kind.DML) {
            long affected = Math.max(count, 0);
            boolean insert = t.duckSql().get(t.duckSql().size() - 1).regionMatches(true, 0, "INSERT", 0, 6);
            if (insert) {
                return new ListRowSource(List.of(ResultColumn.of("num_affected_rows", ColumnType.BIGINT),
                        ResultColumn.of("num_inserted_rows", ColumnType.BIGINT)),
                        List.<Object[]>of(new Object[]{ affected, affected }));
            }
            return new ListRowSource(List.of(ResultColumn.of("num_affected_rows", ColumnType.BIGINT)),
                    List.<Object[]>of(new Object[]{ affected }));
        }
        return new ListRowSource(List.of(), List.of());
    }
}
