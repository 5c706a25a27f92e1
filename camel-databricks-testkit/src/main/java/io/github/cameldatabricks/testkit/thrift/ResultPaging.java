package io.github.cameldatabricks.testkit.thrift;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.databricks.jdbc.model.client.thrift.generated.TCloseOperationResp;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataResp;
import com.databricks.jdbc.model.client.thrift.generated.TOperationState;
import com.databricks.jdbc.model.client.thrift.generated.TSparkDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TSparkGetDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowBatch;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/** Operation status, result metadata, pages of rows and direct results. */
final class ResultPaging {

    private final int maxPageRows;
    private final Consumer<Operation> onClosedInline;

    ResultPaging(int maxPageRows, Consumer<Operation> onClosedInline) {
        this.maxPageRows = maxPageRows;
        this.onClosedInline = onClosedInline;
    }

    static TGetOperationStatusResp status(Operation op) {
        TOperationState state = op.state();
        TGetOperationStatusResp resp = new TGetOperationStatusResp(Statuses.ok()).setOperationState(state)
                .setHasResultSet(true);
        // the Python connector's cursor.rowcount and the Go driver's RowsAffected read this field; it is set the
        // same way in GetOperationStatus and in the status inside direct results
        if (state == TOperationState.FINISHED_STATE && op.modifiedRows() != null) {
            resp.setNumModifiedRows(op.modifiedRows());
        }
        WarehouseSqlException error = op.error();
        if (state == TOperationState.ERROR_STATE && error != null) {
            resp.setSqlState(error.getSqlState()).setErrorCode(0)
                    .setErrorMessage("Error running query: " + error.getMessage())
                    .setDisplayMessage(error.getMessage());
        }
        return resp;
    }

    static TGetResultSetMetadataResp metadata(RowSource rows, ResultFormat format) {
        TGetResultSetMetadataResp resp = new TGetResultSetMetadataResp(Statuses.ok())
                .setSchema(RowSetEncoder.schema(rows.columns())).setResultFormat(format.rowSetType())
                .setLz4Compressed(format.lz4()).setIsStagingOperation(false);
        if (format.arrow()) {
            resp.setArrowSchema(ArrowSchemas.serialize(ArrowSchemas.schema(rows.columns(), format)));
        }
        return resp;
    }

    /**
     * One page as a row set: Arrow batches (one per page, {@code rowCount} set, as the driver sums them in
     * {@code common/util/ArrowUtil.java#getTotalRowsInResponse}) or columns. The format is recorded in the audit
     * parameter {@code resultFormat} of the request that carried the rows.
     */
    private static TRowSet rowSet(Operation op, RowSource rows, List<Object[]> page, long offset) {
        ResultFormat format = op.resultFormat();
        CallContext.current().auditParams().put("resultFormat", format.auditName());
        if (!format.arrow()) {
            return RowSetEncoder.encode(rows.columns(), page, offset);
        }
        TRowSet set = new TRowSet(offset, new ArrayList<>());
        set.setArrowBatches(new ArrayList<>());
        if (!page.isEmpty()) {
            byte[] batch = ArrowBatchEncoder.encode(rows.columns(), page, format);
            set.addToArrowBatches(new TSparkArrowBatch(ByteBuffer.wrap(batch), page.size()));
        }
        return set;
    }

    TFetchResultsResp fetch(Operation op, long requestedRows, boolean includeMetadata) {
        TOperationState state = op.state();
        if (state == TOperationState.ERROR_STATE) {
            return new TFetchResultsResp(Statuses.error(op.error()));
        }
        RowSource rows = op.rows();
        if (state != TOperationState.FINISHED_STATE || rows == null) {
            return new TFetchResultsResp(Statuses.invalidHandle("OperationHandle: the operation is " + state));
        }
        int max = (int) Math.max(1, Math.min(requestedRows <= 0 ? maxPageRows : requestedRows, maxPageRows));
        try {
            List<Object[]> page = rows.next(max);
            long offset = op.takeRowOffset(page.size());
            TFetchResultsResp resp = new TFetchResultsResp(Statuses.ok()).setHasMoreRows(rows.hasMore())
                    .setResults(rowSet(op, rows, page, offset));
            if (includeMetadata) {
                resp.setResultSetMetadata(metadata(rows, op.resultFormat()));
            }
            return resp;
        } catch (WarehouseSqlException e) {
            op.fail(e);
            return new TFetchResultsResp(Statuses.error(e));
        } catch (Exception e) {
            WarehouseSqlException error = new WarehouseSqlException("INTERNAL_ERROR", "XX000",
                    String.valueOf(e.getMessage()), false);
            return new TFetchResultsResp(Statuses.error(error));
        }
    }

    /**
     * Direct results: the status, and when finished, the metadata and first page in the same response. When the
     * first page is the whole result the operation is closed here, as a real server does, and the driver sends no
     * CloseOperation.
     */
    TSparkDirectResults directResults(Operation op, TSparkGetDirectResults request) {
        if (op.state() != TOperationState.FINISHED_STATE || op.rows() == null) {
            return new TSparkDirectResults().setOperationStatus(status(op));
        }
        RowSource rows = op.rows();
        TFetchResultsResp first = fetch(op, request.isSetMaxRows() ? request.getMaxRows() : maxPageRows, true);
        // reading the first page can fail (a runtime error while streaming): then report the error state only
        TSparkDirectResults direct = new TSparkDirectResults().setOperationStatus(status(op));
        if (op.state() != TOperationState.FINISHED_STATE) {
            return direct;
        }
        direct.setResultSetMetadata(metadata(rows, op.resultFormat())).setResultSet(first);
        if (first.isSetHasMoreRows() && !first.isHasMoreRows()) {
            direct.setCloseOperation(new TCloseOperationResp(Statuses.ok()));
            op.close();
            onClosedInline.accept(op);
        }
        return direct;
    }
}
