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
package io.github.cameldatabricks.testkit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.databricks.internal.apache.thrift.TException;
import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.transport.THttpClient;
import com.databricks.jdbc.model.client.thrift.generated.*;

/**
 * A bare Thrift client of LocalWarehouse built on the generated classes inside the driver jar, for request forms the
 * JDBC driver never sends (the Python and Node.js connectors' parameters, {@code runAsync=false}).
 */
final class RawThrift implements AutoCloseable {

    private final THttpClient transport;
    private final TCLIService.Client client;
    private final TSessionHandle session;

    RawThrift(LocalWarehouse warehouse) throws TException {
        transport = new THttpClient(warehouse.baseUrl() + warehouse.httpPath());
        transport.setCustomHeader("Authorization", "Bearer " + warehouse.token());
        client = new TCLIService.Client(new TBinaryProtocol(transport));
        TOpenSessionResp resp = client.OpenSession(new TOpenSessionReq());
        session = resp.getSessionHandle();
    }

    /** Sends ExecuteStatement with {@code runAsync} as given; the response as the server sent it. */
    TExecuteStatementResp execute(String sql, List<TSparkParameter> parameters, boolean runAsync) throws TException {
        TExecuteStatementReq req = new TExecuteStatementReq(session, sql).setRunAsync(runAsync);
        if (parameters != null) {
            req.setParameters(parameters);
        }
        return client.ExecuteStatement(req);
    }

    /** Sends ExecuteStatement asking for direct results, as the official clients do. */
    TExecuteStatementResp executeWithDirectResults(String sql) throws TException {
        return client.ExecuteStatement(new TExecuteStatementReq(session, sql).setRunAsync(true)
                .setGetDirectResults(new com.databricks.jdbc.model.client.thrift.generated.TSparkGetDirectResults(
                        1000)));
    }

    /** Polls the operation until it leaves PENDING/RUNNING. */
    TGetOperationStatusResp awaitStatus(TOperationHandle handle) throws Exception {
        for (int i = 0; i < 500; i++) {
            TGetOperationStatusResp status = client.GetOperationStatus(new TGetOperationStatusReq(handle));
            TOperationState state = status.getOperationState();
            if (state != TOperationState.PENDING_STATE && state != TOperationState.RUNNING_STATE) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("operation still running");
    }

    /** Runs a statement with parameters and returns its rows; fails with the error message on ERROR_STATE. */
    List<List<Object>> query(String sql, List<TSparkParameter> parameters) throws Exception {
        TExecuteStatementResp resp = execute(sql, parameters, true);
        if (resp.getStatus().getStatusCode() == TStatusCode.ERROR_STATUS) {
            throw new IllegalStateException(resp.getStatus().getErrorMessage());
        }
        TGetOperationStatusResp status = awaitStatus(resp.getOperationHandle());
        if (status.getOperationState() != TOperationState.FINISHED_STATE) {
            throw new IllegalStateException(status.getOperationState() + ": " + status.getErrorMessage());
        }
        TFetchResultsResp fetched = client.FetchResults(new TFetchResultsReq(resp.getOperationHandle(),
                TFetchOrientation.FETCH_NEXT, 10_000));
        return rows(fetched.getResults());
    }

    private static List<List<Object>> rows(TRowSet set) {
        List<List<Object>> columns = new ArrayList<>();
        for (TColumn column : set.getColumns()) {
            columns.add(values(column));
        }
        List<List<Object>> rows = new ArrayList<>();
        int count = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int r = 0; r < count; r++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> column : columns) {
                row.add(column.get(r));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> values(TColumn column) {
        List<?> values;
        ByteBuffer nulls;
        switch (column.getSetField()) {
            case BOOL_VAL -> {
                values = column.getBoolVal().getValues();
                nulls = column.getBoolVal().bufferForNulls();
            }
            case BYTE_VAL -> {
                values = column.getByteVal().getValues();
                nulls = column.getByteVal().bufferForNulls();
            }
            case I16_VAL -> {
                values = column.getI16Val().getValues();
                nulls = column.getI16Val().bufferForNulls();
            }
            case I32_VAL -> {
                values = column.getI32Val().getValues();
                nulls = column.getI32Val().bufferForNulls();
            }
            case I64_VAL -> {
                values = column.getI64Val().getValues();
                nulls = column.getI64Val().bufferForNulls();
            }
            case DOUBLE_VAL -> {
                values = column.getDoubleVal().getValues();
                nulls = column.getDoubleVal().bufferForNulls();
            }
            case BINARY_VAL -> {
                values = column.getBinaryVal().getValues();
                nulls = column.getBinaryVal().bufferForNulls();
            }
            default -> {
                values = column.getStringVal().getValues();
                nulls = column.getStringVal().bufferForNulls();
            }
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int b = nulls != null && i / 8 < nulls.remaining() ? nulls.get(nulls.position() + i / 8) : 0;
            out.add((b & (1 << (i % 8))) != 0 ? null : values.get(i));
        }
        return out;
    }

    @Override
    public void close() throws TException {
        try {
            client.CloseSession(new TCloseSessionReq(session));
        } finally {
            transport.close();
        }
    }
}
