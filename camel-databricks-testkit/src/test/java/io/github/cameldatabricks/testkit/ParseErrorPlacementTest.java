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

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusResp;
import com.databricks.jdbc.model.client.thrift.generated.TOperationState;
import com.databricks.jdbc.model.client.thrift.generated.TStatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Where a parse error is reported depends on the request's {@code runAsync}: on ExecuteStatement's own status when it
 * is false (a real recording), as an operation in ERROR_STATE when it is true (what the official clients send and their
 * end-to-end suites expect).
 */
class ParseErrorPlacementTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    @Test
    void synchronousStatementGetsTheErrorOnExecuteStatement() throws Exception {
        try (RawThrift thrift = new RawThrift(WAREHOUSE.warehouse())) {
            TExecuteStatementResp resp = thrift.execute("SELEC 1", null, false);
            assertThat(resp.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
            assertThat(resp.getStatus().getSqlState()).isEqualTo("42601");
            assertThat(resp.getStatus().getErrorMessage()).contains("== SQL ==\nSELEC 1\n^^^");
            assertThat(resp.isSetOperationHandle()).isFalse();
        }
    }

    @Test
    void asynchronousStatementGetsAnOperationInErrorState() throws Exception {
        try (RawThrift thrift = new RawThrift(WAREHOUSE.warehouse())) {
            TExecuteStatementResp resp = thrift.execute("SELECT 1 FROM t\nWHERE x = ) 2", null, true);
            assertThat(resp.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
            assertThat(resp.isSetOperationHandle()).isTrue();
            TGetOperationStatusResp status = thrift.awaitStatus(resp.getOperationHandle());
            assertThat(status.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
            assertThat(status.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
            assertThat(status.getSqlState()).isEqualTo("42601");
            assertThat(status.getErrorMessage()).contains("[PARSE_SYNTAX_ERROR]",
                    "(line 2, pos 10)\n\n== SQL ==\nSELECT 1 FROM t\nWHERE x = ) 2\n----------^^^");
            assertThat(status.getDisplayMessage()).startsWith("[PARSE_SYNTAX_ERROR]");
        }
    }

    @Test
    void directResultsCarryTheErrorState() throws Exception {
        try (RawThrift thrift = new RawThrift(WAREHOUSE.warehouse())) {
            TExecuteStatementResp resp = thrift.executeWithDirectResults("SELEC 1");
            assertThat(resp.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
            TGetOperationStatusResp direct = resp.getDirectResults().getOperationStatus();
            assertThat(direct.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
            assertThat(direct.getSqlState()).isEqualTo("42601");
            assertThat(direct.getErrorMessage()).contains("== SQL ==\nSELEC 1\n^^^");
            assertThat(resp.getDirectResults().isSetResultSetMetadata()).isFalse();
        }
    }
}
