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

import java.util.List;

import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusResp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** {@code TGetOperationStatusResp.numModifiedRows} after DML, which the Python connector reports as rowcount. */
class ModifiedRowsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static TGetOperationStatusResp run(RawThrift thrift, String sql) throws Exception {
        TExecuteStatementResp resp = thrift.execute(sql, null, true);
        return thrift.awaitStatus(resp.getOperationHandle());
    }

    @Test
    void dmlReportsTheRowsItChanged() throws Exception {
        String table = Jdbc.uniqueTable("modified");
        try (RawThrift thrift = new RawThrift(WAREHOUSE.warehouse())) {
            assertThat(run(thrift, "CREATE TABLE " + table + " (id INT, v STRING)").isSetNumModifiedRows())
                    .isFalse();
            assertThat(run(thrift, "INSERT INTO " + table + " VALUES (1, 'a'), (2, 'b'), (3, 'c')")
                    .getNumModifiedRows()).isEqualTo(3);
            assertThat(run(thrift, "UPDATE " + table + " SET v = 'x' WHERE id >= 2").getNumModifiedRows())
                    .isEqualTo(2);
            assertThat(run(thrift, "DELETE FROM " + table + " WHERE id = 1").getNumModifiedRows()).isEqualTo(1);
            assertThat(run(thrift, "MERGE INTO " + table + " t USING (SELECT 3 AS id UNION ALL SELECT 4) s"
                    + " ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = 'm'"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'n')").getNumModifiedRows()).isEqualTo(2);
            assertThat(run(thrift, "SELECT * FROM " + table).isSetNumModifiedRows()).isFalse();
            assertThat(thrift.query("SELECT count(*) FROM " + table, List.of())).containsExactly(List.of(3L));
        }
    }

    @Test
    void theStatusInsideDirectResultsCarriesTheCountToo() throws Exception {
        String table = Jdbc.uniqueTable("direct");
        try (RawThrift thrift = new RawThrift(WAREHOUSE.warehouse())) {
            run(thrift, "CREATE TABLE " + table + " (id INT)");
            TExecuteStatementResp resp = thrift.executeWithDirectResults("INSERT INTO " + table
                    + " VALUES (1), (2)");
            TGetOperationStatusResp direct = resp.getDirectResults().getOperationStatus();
            assertThat(direct.getOperationState().name()).isEqualTo("FINISHED_STATE");
            assertThat(direct.getNumModifiedRows()).isEqualTo(2);
        }
    }
}
