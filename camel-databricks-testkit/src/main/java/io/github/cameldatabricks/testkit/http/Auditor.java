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
package io.github.cameldatabricks.testkit.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.audit.AuditLog;

/** Collects what one request did and records it in the audit log before the response is written. */
final class Auditor {

    private final AuditLog log;
    private final Clock clock;
    private final String warehouseId;

    Auditor(AuditLog log, Clock clock, String warehouseId) {
        this.log = log;
        this.clock = clock;
        this.warehouseId = warehouseId;
    }

    /** A record in progress. */
    final class Entry {
        private final HttpExchange exchange;
        private final String service;
        private final String action;
        private final Map<String, String> params = new LinkedHashMap<>();
        private String principal;
        private String method = "none";
        private String sessionId;
        private String error;
        private int status;
        private boolean recorded;

        Entry(HttpExchange exchange, String service, String action) {
            this.exchange = exchange;
            this.service = service;
            this.action = action;
            params.put("warehouseId", warehouseId);
        }

        Entry identity(String who, String how) {
            this.principal = who;
            this.method = how;
            return this;
        }

        Entry param(String key, String value) {
            if (value != null) {
                params.put(key, value);
            }
            return this;
        }

        Entry params(Map<String, String> values) {
            params.putAll(values);
            return this;
        }

        Entry session(String id) {
            this.sessionId = id;
            return this;
        }

        /**
         * Sets the outcome and records the event at once. Callers set the outcome before they write the response, so a
         * client that reads the audit right after a response always finds that request in it.
         */
        Entry outcome(int httpStatus, String errorMessage) {
            this.status = httpStatus;
            this.error = errorMessage;
            record();
            return this;
        }

        /** Records the event once; later calls (the {@code finally} safety net) do nothing. */
        void record() {
            if (recorded) {
                return;
            }
            recorded = true;
            params.put("authMethod", method);
            String ua = exchange.getRequestHeaders().getFirst("User-Agent");
            log.record(new AuditEvent(clock.instant(), principal, method, ua, service, action, Map.copyOf(params),
                    status, error, sessionId, String.valueOf(exchange.getAttribute(Router.REQUEST_ID)),
                    UUID.randomUUID().toString(), exchange.getRemoteAddress().getAddress().getHostAddress()));
        }
    }

    Entry begin(HttpExchange exchange, String service, String action) {
        return new Entry(exchange, service, action);
    }
}
