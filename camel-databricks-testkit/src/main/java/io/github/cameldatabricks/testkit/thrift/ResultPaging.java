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

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.databricks.jdbc.model.client.thrift.generated.TCloseOperationResp;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataResp;
import com.databricks.jdbc.model.client.thrift.generated.TOperationState;
import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowBatch;
import com.databricks.jdbc.model.client.thrift.generated.TSparkDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TSparkGetDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TSparkRowSetType;

import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchSettings;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Operation status, result metadata, pages of rows and direct results. A result goes inline (pages of rows in the
 * responses) or, for clients that can download and results above the CloudFetch threshold, as links to files
 * ({@link ResultLinks}); which one is decided when the result is first read.
 */
final class ResultPaging {

    private final int maxPageRows;
    private final CloudFetchFiles cloudFetch;
    private final Consumer<Operation> onClosedInline;

    ResultPaging(int maxPageRows, CloudFetchFiles cloudFetch, Consumer<Operation> onClosedInline) {
        this.maxPageRows = maxPageRows;
        this.cloudFetch = cloudFetch;
        this.onClosedInline = onClosedInline;
    }

    /**
     * The operation's links if its result goes by CloudFetch, else null; decided on the first call. A real warehouse
     * knows the result's size when it picks the format; here the first {@code thresholdRows + 1} rows are read to find
     * out, and served first afterwards.
     */
    private ResultLinks deliver(Operation op) throws Exception {
        return op.deliver(rows -> {
            CloudFetchSettings settings = cloudFetch.settings();
            ResultFormat format = op.resultFormat();
            if (!format.arrow() || !op.canDownload() || settings.thresholdRows() == Long.MAX_VALUE) {
                return rows;
            }
            List<Object[]> head = rows.next((int) Math.min(settings.thresholdRows() + 1, Integer.MAX_VALUE - 8));
            if (settings.appliesTo(head.size())) {
                op.links(new ResultLinks(op.id(), cloudFetch, settings, format));
            }
            return new PeekedRowSource(head, rows);
        });
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

    /** The result's metadata for {@code GetResultSetMetadata}; deciding the delivery if not done yet. */
    TGetResultSetMetadataResp metadata(Operation op) {
        try {
            ResultLinks links = deliver(op);
            RowSource rows = op.rows();
            if (rows == null) {
                return new TGetResultSetMetadataResp(Statuses.invalidHandle("OperationHandle"));
            }
            return metadata(rows, op.resultFormat(), links != null);
        } catch (WarehouseSqlException e) {
            op.fail(e);
            return new TGetResultSetMetadataResp(Statuses.error(e));
        } catch (Exception e) {
            return new TGetResultSetMetadataResp(Statuses.error(internal(e)));
        }
    }

    private static TGetResultSetMetadataResp metadata(RowSource rows, ResultFormat format, boolean urlBased) {
        TGetResultSetMetadataResp resp = new TGetResultSetMetadataResp(Statuses.ok())
                .setSchema(RowSetEncoder.schema(rows.columns()))
                .setResultFormat(urlBased ? TSparkRowSetType.URL_BASED_SET : format.rowSetType())
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

    /**
     * One response of rows or links.
     *
     * @param startRowOffset the client's {@code startRowOffset}, or null when it asks for the next rows
     */
    TFetchResultsResp fetch(Operation op, long requestedRows, boolean includeMetadata, Long startRowOffset) {
        TOperationState state = op.state();
        if (state == TOperationState.ERROR_STATE) {
            return new TFetchResultsResp(Statuses.error(op.error()));
        }
        if (state != TOperationState.FINISHED_STATE || op.rows() == null) {
            return new TFetchResultsResp(Statuses.invalidHandle("OperationHandle: the operation is " + state));
        }
        try {
            ResultLinks links = deliver(op);
            RowSource rows = op.rows();
            if (rows == null) {
                return new TFetchResultsResp(Statuses.invalidHandle("OperationHandle: the operation is closed"));
            }
            TFetchResultsResp resp = links != null ? linkPage(op, links, rows, startRowOffset)
                    : rowPage(op, rows, requestedRows);
            if (includeMetadata) {
                resp.setResultSetMetadata(metadata(rows, op.resultFormat(), links != null));
            }
            return resp;
        } catch (IllegalArgumentException e) {
            // a startRowOffset that is not where a file starts: the request is wrong, the operation is fine
            return new TFetchResultsResp(Statuses.error(new WarehouseSqlException("INVALID_PARAMETER_VALUE",
                    "22023", e.getMessage(), false)));
        } catch (WarehouseSqlException e) {
            op.fail(e);
            return new TFetchResultsResp(Statuses.error(e));
        } catch (Exception e) {
            return new TFetchResultsResp(Statuses.error(internal(e)));
        }
    }

    private TFetchResultsResp rowPage(Operation op, RowSource rows, long requestedRows) throws Exception {
        int max = (int) Math.max(1, Math.min(requestedRows <= 0 ? maxPageRows : requestedRows, maxPageRows));
        List<Object[]> page = rows.next(max);
        long offset = op.takeRowOffset(page.size());
        return new TFetchResultsResp(Statuses.ok()).setHasMoreRows(rows.hasMore())
                .setResults(rowSet(op, rows, page, offset));
    }

    /**
     * Links to files; recorded in the audit parameters {@code resultFormat} ({@code URL_BASED_SET+LZ4}),
     * {@code resultLinks} (how many) and {@code startRowOffset} when the client asked from a given row.
     */
    private static TFetchResultsResp linkPage(Operation op, ResultLinks links, RowSource rows, Long startRowOffset)
            throws Exception {
        // maxRows does not bound the links (see ResultLinks)
        ResultLinks.Page page = links.page(rows, startRowOffset);
        java.util.Map<String, String> audit = CallContext.current().auditParams();
        audit.put("resultFormat", TSparkRowSetType.URL_BASED_SET.name() + (op.resultFormat().lz4() ? "+LZ4" : ""));
        audit.put("resultLinks", String.valueOf(page.links()));
        if (startRowOffset != null) {
            audit.put("startRowOffset", String.valueOf(startRowOffset));
        }
        return new TFetchResultsResp(Statuses.ok()).setHasMoreRows(page.hasMore()).setResults(page.rowSet());
    }

    private static WarehouseSqlException internal(Exception e) {
        return new WarehouseSqlException("INTERNAL_ERROR", "XX000", String.valueOf(e.getMessage()), false);
    }

    /**
     * Direct results: the status, and when finished, the metadata and first page in the same response. When the first
     * page is the whole inline result the operation is closed here, as a real server does, and the driver sends no
     * CloseOperation.
     */
    TSparkDirectResults directResults(Operation op, TSparkGetDirectResults request) {
        if (op.state() != TOperationState.FINISHED_STATE || op.rows() == null) {
            return new TSparkDirectResults().setOperationStatus(status(op));
        }
        TFetchResultsResp first = fetch(op, request.isSetMaxRows() ? request.getMaxRows() : maxPageRows, true, null);
        // reading the first page can fail (a runtime error while streaming): then report the error state only
        TSparkDirectResults direct = new TSparkDirectResults().setOperationStatus(status(op));
        if (op.state() != TOperationState.FINISHED_STATE) {
            return direct;
        }
        direct.setResultSetMetadata(first.getResultSetMetadata()).setResultSet(first);
        // files of a CloudFetch result stay downloadable (and their links refreshable) until the client closes
        if (first.isSetHasMoreRows() && !first.isHasMoreRows() && op.links() == null) {
            direct.setCloseOperation(new TCloseOperationResp(Statuses.ok()));
            op.close();
            onClosedInline.accept(op);
        }
        return direct;
    }
}
