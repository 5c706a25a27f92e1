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
package io.github.cameldatabricks.testkit.sql;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.StringJoiner;

import io.github.cameldatabricks.testkit.audit.AuditEvent;

/**
 * {@code system.access.audit}: the subset of the Databricks audit-log system table that partner validation queries use,
 * with the same column names and types (MAP and STRUCT columns included).
 */
public final class AuditTable {

    private AuditTable() {
    }

    static void create(DuckDbEngine engine) throws SQLException {
        engine.execute("CREATE TABLE dbx_system.access.audit ("
                + " account_id VARCHAR, workspace_id VARCHAR, version VARCHAR,"
                + " event_time TIMESTAMP, event_date DATE, source_ip_address VARCHAR, user_agent VARCHAR,"
                + " session_id VARCHAR, user_identity STRUCT(email VARCHAR, subject_name VARCHAR),"
                + " service_name VARCHAR, action_name VARCHAR, request_id VARCHAR,"
                + " request_params MAP(VARCHAR, VARCHAR),"
                + " response STRUCT(status_code INTEGER, error_message VARCHAR, result VARCHAR),"
                + " audit_level VARCHAR, event_id VARCHAR)");
    }

    /** Appends one event. */
    public static void insert(DuckDbEngine engine, String workspaceId, AuditEvent event) throws SQLException {
        StringJoiner params = new StringJoiner(", ", "MAP {", "}");
        for (Map.Entry<String, String> e : event.requestParams().entrySet()) {
            params.add(CatalogNames.literal(e.getKey()) + ": "
                    + (e.getValue() == null ? "NULL" : CatalogNames.literal(e.getValue())));
        }
        LocalDateTime time = LocalDateTime.ofInstant(event.time(), ZoneOffset.UTC);
        String mapSql = event.requestParams().isEmpty() ? "CAST(MAP {} AS MAP(VARCHAR, VARCHAR))" : params.toString();
        engine.execute("INSERT INTO dbx_system.access.audit VALUES ('local', ?, '2.0', ?, ?, ?, ?, ?,"
                + " {'email': ?, 'subject_name': ?}, ?, ?, ?, " + mapSql + ","
                + " {'status_code': ?, 'error_message': ?, 'result': NULL}, 'WORKSPACE_LEVEL', ?)",
                workspaceId, time, time.toLocalDate(), event.sourceIp(),
                event.userAgent(), event.sessionId(), event.principal(), event.principal(), event.serviceName(),
                event.actionName(), event.requestId(), event.statusCode(), event.errorMessage(), event.eventId());
    }
}
