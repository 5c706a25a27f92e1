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
package io.github.cameldatabricks.testkit.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited request, as LocalWarehouse records it and as {@code system.access.audit} shows it.
 *
 * @param time          when the request finished
 * @param principal     the authenticated identity (email or service principal id), or null if unauthenticated
 * @param authMethod    {@code pat}, {@code oauth}, {@code oauth-federation} (an access token from OAuth token
 *                      federation) or {@code none}
 * @param userAgent     the request's User-Agent header
 * @param serviceName   {@code databrickssql}, {@code oauth2} or {@code warehouses}
 * @param actionName    e.g. {@code openSession}, {@code commandSubmit}, {@code getWarehouse}, {@code tokenIssued}
 * @param requestParams action details, e.g. {@code commandText}, {@code warehouseId}, {@code rpc}
 * @param statusCode    HTTP status of the response, or 0 if the connection was dropped without one
 * @param errorMessage  the error returned, if any
 * @param sessionId     the SQL session, if any
 * @param requestId     a unique id of the request
 * @param eventId       a unique id of the event
 * @param sourceIp      the client address
 */
public record AuditEvent(Instant time, String principal, String authMethod, String userAgent, String serviceName,
        String actionName, Map<String, String> requestParams, int statusCode, String errorMessage, String sessionId,
        String requestId, String eventId, String sourceIp) {
}
