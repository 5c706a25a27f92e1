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

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Every request is audited, readable through Java and as system.access.audit. */
class AuditTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().principal("auditor@example.com"));

    /** The validation query from the PWAF skill document, verbatim except for the company name. */
    private static final String PWAF_VALIDATION_QUERY = """
            SELECT event_time, user_agent, action_name, request_params
            FROM system.access.audit
            WHERE event_time > current_timestamp() - INTERVAL 1 HOUR
            AND lower(user_agent) LIKE '%yourcompany%'
            ORDER BY event_time DESC
            LIMIT 10;
            """;

    @Test
    void theDriversUserAgentEntryIsAuditedOnEveryCall() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ";UserAgentEntry=AuditCo_Checker/2.1.0")) {
            Jdbc.scalar(c, "SELECT 'audited' AS a");
        }
        List<AuditEvent> mine = WAREHOUSE.audit().events(e -> e.userAgent() != null
                && e.userAgent().contains("AuditCo_Checker/2.1.0"));
        assertThat(mine).extracting(AuditEvent::actionName).contains("openSession", "commandSubmit", "closeSession");
        AuditEvent submit = mine.stream().filter(e -> e.actionName().equals("commandSubmit")).findFirst().orElseThrow();
        assertThat(submit.principal()).isEqualTo("auditor@example.com");
        assertThat(submit.authMethod()).isEqualTo("pat");
        assertThat(submit.serviceName()).isEqualTo("databrickssql");
        assertThat(submit.statusCode()).isEqualTo(200);
        assertThat(submit.requestParams()).containsEntry("commandText", "SELECT 'audited' AS a")
                .containsEntry("warehouseId", WAREHOUSE.warehouse().warehouseId());
    }

    @Test
    void theSeedValidationQueryRunsVerbatim() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ";UserAgentEntry=YourCompany_YourProduct/1.0.0")) {
            Jdbc.scalar(c, "SELECT 'from your company' AS marker");
            List<List<Object>> rows = Jdbc.query(c, PWAF_VALIDATION_QUERY);
            assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(rows)
                    .allSatisfy(row -> assertThat((String) row.get(1)).contains("YourCompany_YourProduct/1.0.0"));
            assertThat(rows).anySatisfy(row -> {
                assertThat(row.get(2)).isEqualTo("commandSubmit");
                assertThat((String) row.get(3)).contains("from your company");
            });
        }
    }

    @Test
    void auditColumnsCarryIdentityAndResponse() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), ";UserAgentEntry=Columns_Check/1.0")) {
            List<List<Object>> rows = Jdbc.query(c, "SELECT user_identity.email, service_name, response.status_code,"
                    + " request_params['authMethod'] FROM system.access.audit"
                    + " WHERE user_agent LIKE '%Columns_Check%' AND action_name = 'openSession'");
            assertThat(rows).containsExactly(List.of("auditor@example.com", "databrickssql", 200, "pat"));
        }
    }
}
