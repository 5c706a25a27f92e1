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

import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementReq;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowTypes;
import com.databricks.jdbc.model.client.thrift.generated.TSparkRowSetType;

/**
 * How one operation's rows travel: as a {@code COLUMN_BASED_SET}, or as an {@code ARROW_BASED_SET} of Arrow IPC record
 * batches (LZ4-frame compressed or not) with the native Arrow types the client asked for.
 *
 * <p>
 * In Thrift the server picks the format from the client's capabilities in {@code TExecuteStatementReq}: databricks-jdbc
 * 3.4.5 always sends {@code canReadArrowResult=true}, {@code canDecompressLZ4Result=true} and
 * {@code useArrowNativeTypes} with every flag set ({@code dbclient/impl/thrift/DatabricksThriftServiceClient.java},
 * {@code getRequest}); clients that don't ask for Arrow, and metadata RPCs, get column-based sets.
 *
 * @param arrow            rows as Arrow record batches
 * @param lz4              each batch LZ4-frame compressed
 * @param timestampAsArrow TIMESTAMP as Arrow {@code Timestamp(MICROSECOND, tz)} rather than a string
 * @param decimalAsArrow   DECIMAL as Arrow {@code Decimal128(p, s)} rather than a string
 * @param complexAsArrow   ARRAY, MAP, STRUCT as Arrow List, Map, Struct rather than JSON-like strings
 * @param nullAsArrow      VOID (NULL-typed) columns as Arrow Null rather than all-null strings
 */
record ResultFormat(boolean arrow, boolean lz4, boolean timestampAsArrow, boolean decimalAsArrow,
        boolean complexAsArrow, boolean nullAsArrow) {

    static final ResultFormat COLUMNS = new ResultFormat(false, false, false, false, false, false);

    /** The format a real warehouse answers this request with; column-based when {@code arrowEnabled} is off. */
    static ResultFormat requestedBy(TExecuteStatementReq req, boolean arrowEnabled) {
        if (!arrowEnabled || !req.isCanReadArrowResult()) {
            return COLUMNS;
        }
        TSparkArrowTypes types = req.isSetUseArrowNativeTypes() ? req.getUseArrowNativeTypes() : null;
        return new ResultFormat(true, req.isCanDecompressLZ4Result(),
                types != null && types.isTimestampAsArrow(), types != null && types.isDecimalAsArrow(),
                types != null && types.isComplexTypesAsArrow(), types != null && types.isNullTypeAsArrow());
    }

    /** The same format without LZ4: CloudFetch files are compressed as a whole, not batch by batch. */
    ResultFormat uncompressed() {
        return new ResultFormat(arrow, false, timestampAsArrow, decimalAsArrow, complexAsArrow, nullAsArrow);
    }

    TSparkRowSetType rowSetType() {
        return arrow ? TSparkRowSetType.ARROW_BASED_SET : TSparkRowSetType.COLUMN_BASED_SET;
    }

    /** The value recorded as the audit parameter {@code resultFormat}, e.g. {@code ARROW_BASED_SET+LZ4}. */
    String auditName() {
        return rowSetType().name() + (lz4 ? "+LZ4" : "");
    }
}
