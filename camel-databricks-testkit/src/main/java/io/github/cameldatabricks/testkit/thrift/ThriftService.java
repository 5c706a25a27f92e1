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

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import com.databricks.internal.apache.thrift.TException;
import com.databricks.jdbc.model.client.thrift.generated.*;

import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.sql.DuckDbEngine;
import io.github.cameldatabricks.testkit.sql.DuckDbErrors;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * The TCLIService RPC subset databricks-jdbc 3.4.5 uses, implemented on the driver's own generated Thrift classes.
 * Sessions and operations live here; statement execution is in {@link StatementExecutor}, paging and direct results in
 * {@link ResultPaging}.
 */
public final class ThriftService implements TCLIService.Iface {

    private final DuckDbEngine engine;
    private final StatementExecutor executor;
    private final MetadataQueries metadata;
    private final ResultPaging paging;
    private final long directResultsWaitMillis;
    private final boolean arrowResults;
    private final Map<UUID, WarehouseSession> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Operation> operations = new ConcurrentHashMap<>();

    public ThriftService(DuckDbEngine engine, VolumeStore volumes, ExecutionPolicy policy, ExecutorService workers,
            ScheduledExecutorService timers, int maxPageRows, long directResultsWaitMillis, boolean arrowResults,
            CloudFetchFiles cloudFetch) {
        this.engine = engine;
        this.executor = new StatementExecutor(engine, volumes, policy, workers, timers);
        this.metadata = new MetadataQueries(engine);
        this.paging = new ResultPaging(maxPageRows, cloudFetch, this::forget);
        this.directResultsWaitMillis = directResultsWaitMillis;
        this.arrowResults = arrowResults;
    }

    /** Number of open SQL sessions. */
    public int openSessions() {
        return sessions.size();
    }

    /** Ends every session, as a warehouse that stops does. */
    public void closeAllSessions() {
        for (WarehouseSession s : sessions.values()) {
            s.closeAll();
        }
        sessions.clear();
        operations.clear();
    }

    @Override
    public TOpenSessionResp OpenSession(TOpenSessionReq req) {
        CallContext ctx = CallContext.current();
        String catalog = "main";
        String schema = "default";
        if (req.isSetInitialNamespace()) {
            TNamespace ns = req.getInitialNamespace();
            catalog = ns.isSetCatalogName() && !ns.getCatalogName().isBlank() ? ns.getCatalogName() : catalog;
            schema = ns.isSetSchemaName() && !ns.getSchemaName().isBlank() ? ns.getSchemaName() : schema;
        }
        try {
            if (!engine.schemaExists(catalog, schema)) {
                WarehouseSqlException e = new WarehouseSqlException("SCHEMA_NOT_FOUND", "42704",
                        "The schema `" + catalog + "`.`" + schema + "` cannot be found.", true);
                ctx.errorMessage(e.getMessage());
                return new TOpenSessionResp(Statuses.error(e), TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8);
            }
        } catch (SQLException e) {
            return new TOpenSessionResp(Statuses.error(DuckDbErrors.translate(e)),
                    TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8);
        }
        UUID id = UUID.randomUUID();
        WarehouseSession session = new WarehouseSession(id, ctx.principal(), catalog, schema);
        if (req.isSetConfiguration()) {
            req.getConfiguration().forEach((k, v) -> session.conf().put(k.toLowerCase(java.util.Locale.ROOT), v));
        }
        sessions.put(id, session);
        ctx.sessionId(id.toString());
        return new TOpenSessionResp(Statuses.ok(), TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8)
                .setSessionHandle(new TSessionHandle(Statuses.newHandle(id)))
                .setInitialNamespace(new TNamespace().setCatalogName(catalog).setSchemaName(schema))
                .setCanUseMultipleCatalogs(true).setConfiguration(new java.util.HashMap<>());
    }

    @Override
    public TCloseSessionResp CloseSession(TCloseSessionReq req) {
        WarehouseSession session = sessions.remove(Statuses.id(req.getSessionHandle().getSessionId()));
        if (session == null) {
            return new TCloseSessionResp(Statuses.invalidHandle("SessionHandle"));
        }
        CallContext.current().sessionId(session.id().toString());
        session.closeAll();
        return new TCloseSessionResp(Statuses.ok());
    }

    @Override
    public TExecuteStatementResp ExecuteStatement(TExecuteStatementReq req) {
        CallContext ctx = CallContext.current();
        ctx.auditParams().put("commandText", req.getStatement());
        WarehouseSession session = session(req.getSessionHandle());
        if (session == null) {
            return new TExecuteStatementResp(Statuses.invalidHandle("SessionHandle"));
        }
        Operation op;
        try {
            op = executor.start(session, req);
        } catch (WarehouseSqlException e) {
            ctx.errorMessage(e.getMessage());
            if (!req.isRunAsync()) {
                return new TExecuteStatementResp(Statuses.error(e));
            }
            // with runAsync (what every real client sends) a warehouse accepts the statement and reports the
            // failure, parse errors included, through the operation state: the Python connector's e2e suite
            // expects a syntax error as ServerOperationError, which its Thrift backend raises only for an
            // operation in ERROR_STATE (databricks/databricks-sql-python: tests/e2e/test_telemetry_e2e.py
            // #test_sql_errors, src/databricks/sql/backend/thrift_backend.py
            // #_check_command_not_in_error_or_closed_state)
            op = executor.failed(session, e);
        }
        // set before any page is read: rows are only encoded after this call or inside it (direct results)
        op.resultFormat(ResultFormat.requestedBy(req, arrowResults));
        // databricks-jdbc sends canDownloadResult=true unless EnableQueryResultDownload=0
        // (DatabricksThriftServiceClient#getRequest); whether a result then goes by CloudFetch depends on its size
        op.canDownload(req.isCanDownloadResult());
        operations.put(op.id(), op);
        ctx.auditParams().put("commandId", op.id().toString());
        ctx.executedOperation(op);
        await(op, req.isRunAsync() ? directResultsWaitMillis : Long.MAX_VALUE);
        if (op.error() != null) {
            ctx.errorMessage(op.error().getMessage());
        }
        TExecuteStatementResp resp = new TExecuteStatementResp(Statuses.ok())
                .setOperationHandle(handle(op, TOperationType.EXECUTE_STATEMENT));
        if (req.isSetGetDirectResults()) {
            resp.setDirectResults(paging.directResults(op, req.getGetDirectResults()));
        }
        return resp;
    }

    private static void await(Operation op, long millis) {
        try {
            op.await(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public TGetCatalogsResp GetCatalogs(TGetCatalogsReq req) {
        return metadataCall(req.getSessionHandle(), req.getGetDirectResults(), metadata::catalogs,
                (status, handle, direct) -> new TGetCatalogsResp(status).setOperationHandle(handle)
                        .setDirectResults(direct));
    }

    @Override
    public TGetSchemasResp GetSchemas(TGetSchemasReq req) {
        return metadataCall(req.getSessionHandle(), req.getGetDirectResults(),
                () -> metadata.schemas(req.getCatalogName(), req.getSchemaName()),
                (status, handle, direct) -> new TGetSchemasResp(status).setOperationHandle(handle)
                        .setDirectResults(direct));
    }

    @Override
    public TGetTablesResp GetTables(TGetTablesReq req) {
        return metadataCall(req.getSessionHandle(), req.getGetDirectResults(),
                () -> metadata.tables(req.getCatalogName(), req.getSchemaName(), req.getTableName(),
                        req.getTableTypes()),
                (status, handle, direct) -> new TGetTablesResp(status).setOperationHandle(handle)
                        .setDirectResults(direct));
    }

    @Override
    public TGetColumnsResp GetColumns(TGetColumnsReq req) {
        return metadataCall(req.getSessionHandle(), req.getGetDirectResults(),
                () -> metadata.columns(req.getCatalogName(), req.getSchemaName(), req.getTableName(),
                        req.getColumnName()),
                (status, handle, direct) -> new TGetColumnsResp(status).setOperationHandle(handle)
                        .setDirectResults(direct));
    }

    @Override
    public TGetTableTypesResp GetTableTypes(TGetTableTypesReq req) {
        return metadataCall(req.getSessionHandle(), req.getGetDirectResults(),
                () -> new ListRowSource(List.of(ResultColumn.of("TABLE_TYPE", ColumnType.STRING)),
                        List.<Object[]>of(new Object[]{ "TABLE" }, new Object[]{ "VIEW" })),
                (status, handle, direct) -> new TGetTableTypesResp(status).setOperationHandle(handle)
                        .setDirectResults(direct));
    }

    private interface MetadataSource {
        RowSource rows() throws SQLException;
    }

    private interface ResponseFactory<R> {
        R create(TStatus status, TOperationHandle handle, TSparkDirectResults direct);
    }

    private <R> R metadataCall(TSessionHandle sessionHandle, TSparkGetDirectResults getDirect, MetadataSource source,
            ResponseFactory<R> factory) {
        WarehouseSession session = session(sessionHandle);
        if (session == null) {
            return factory.create(Statuses.invalidHandle("SessionHandle"), null, null);
        }
        Operation op = new Operation(UUID.randomUUID(), session);
        try {
            op.finish(source.rows());
        } catch (SQLException e) {
            op.fail(DuckDbErrors.translate(e));
        }
        session.add(op);
        operations.put(op.id(), op);
        TSparkDirectResults direct = getDirect != null ? paging.directResults(op, getDirect) : null;
        return factory.create(Statuses.ok(), handle(op, TOperationType.GET_TABLES), direct);
    }

    @Override
    public TGetOperationStatusResp GetOperationStatus(TGetOperationStatusReq req) {
        Operation op = operation(req.getOperationHandle());
        if (op == null) {
            return new TGetOperationStatusResp(Statuses.invalidHandle("OperationHandle"));
        }
        return ResultPaging.status(op);
    }

    @Override
    public TCancelOperationResp CancelOperation(TCancelOperationReq req) {
        Operation op = operation(req.getOperationHandle());
        if (op == null) {
            return new TCancelOperationResp(Statuses.invalidHandle("OperationHandle"));
        }
        op.cancel();
        return new TCancelOperationResp(Statuses.ok());
    }

    @Override
    public TCloseOperationResp CloseOperation(TCloseOperationReq req) {
        Operation op = operation(req.getOperationHandle());
        if (op == null) {
            return new TCloseOperationResp(Statuses.invalidHandle("OperationHandle"));
        }
        op.close();
        forget(op);
        return new TCloseOperationResp(Statuses.ok());
    }

    @Override
    public TGetResultSetMetadataResp GetResultSetMetadata(TGetResultSetMetadataReq req) {
        Operation op = operation(req.getOperationHandle());
        if (op == null || op.rows() == null) {
            return new TGetResultSetMetadataResp(Statuses.invalidHandle("OperationHandle"));
        }
        return paging.metadata(op);
    }

    @Override
    public TFetchResultsResp FetchResults(TFetchResultsReq req) {
        Operation op = operation(req.getOperationHandle());
        if (op == null) {
            return new TFetchResultsResp(Statuses.invalidHandle("OperationHandle"));
        }
        // databricks-jdbc sets startRowOffset only to fetch fresh CloudFetch links for rows it was sent before
        return paging.fetch(op, req.getMaxRows(), req.isIncludeResultSetMetadata(),
                req.isSetStartRowOffset() ? req.getStartRowOffset() : null);
    }

    @Override
    public TGetInfoResp GetInfo(TGetInfoReq req) {
        return new TGetInfoResp(Statuses.ok(), TGetInfoValue.stringValue("Databricks SQL (LocalWarehouse)"));
    }

    @Override
    public TGetTypeInfoResp GetTypeInfo(TGetTypeInfoReq req) throws TException {
        throw new TException("GetTypeInfo is not served by LocalWarehouse");
    }

    @Override
    public TGetFunctionsResp GetFunctions(TGetFunctionsReq req) throws TException {
        throw new TException("GetFunctions is not served by LocalWarehouse");
    }

    @Override
    public TGetPrimaryKeysResp GetPrimaryKeys(TGetPrimaryKeysReq req) throws TException {
        throw new TException("GetPrimaryKeys is not served by LocalWarehouse");
    }

    @Override
    public TGetCrossReferenceResp GetCrossReference(TGetCrossReferenceReq req) throws TException {
        throw new TException("GetCrossReference is not served by LocalWarehouse");
    }

    @Override
    public TGetDelegationTokenResp GetDelegationToken(TGetDelegationTokenReq req) throws TException {
        throw new TException("delegation tokens are not supported");
    }

    @Override
    public TCancelDelegationTokenResp CancelDelegationToken(TCancelDelegationTokenReq req) throws TException {
        throw new TException("delegation tokens are not supported");
    }

    @Override
    public TRenewDelegationTokenResp RenewDelegationToken(TRenewDelegationTokenReq req) throws TException {
        throw new TException("delegation tokens are not supported");
    }

    private WarehouseSession session(TSessionHandle handle) {
        if (handle == null) {
            return null;
        }
        WarehouseSession s = sessions.get(Statuses.id(handle.getSessionId()));
        if (s != null) {
            CallContext.current().sessionId(s.id().toString());
        }
        return s;
    }

    private Operation operation(TOperationHandle handle) {
        // the driver rebuilds handles from the statement id with operationType UNKNOWN: look up by guid only
        return handle == null ? null : operations.get(Statuses.id(handle.getOperationId()));
    }

    private void forget(Operation op) {
        operations.remove(op.id());
        op.session().remove(op.id());
    }

    private static TOperationHandle handle(Operation op, TOperationType type) {
        return new TOperationHandle(Statuses.newHandle(op.id()), type, true);
    }
}
