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
package io.github.cameldatabricks.component.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.auth.DatabricksCredentials;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.component.error.ErrorClassification;
import io.github.cameldatabricks.component.error.ErrorClassifier;
import io.github.cameldatabricks.component.error.ExecutionPhase;
import io.github.cameldatabricks.component.warehouse.WarehouseStateClient;

/**
 * Reads the warehouse state for health checks, at most once per cache time: a readiness probe every few seconds must
 * not turn into a workspace API call every few seconds. It only reads — it never starts the warehouse and never opens a
 * SQL session, so a check cannot wake (and bill) a stopped warehouse. Failures are cached like successes, so an
 * unreachable workspace is not asked more often either.
 */
public final class WarehouseStateProbe {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseStateProbe.class);

    private final WarehouseStateClient client;
    private final DatabricksCredentials credentials;
    private final String warehouseId;
    private final Duration cacheTime;
    private final Clock clock;
    private final AtomicLong readings = new AtomicLong();
    private WarehouseStatus last;

    public WarehouseStateProbe(WarehouseStateClient client, DatabricksCredentials credentials, String warehouseId,
            Duration cacheTime, Clock clock) {
        this.client = client;
        this.credentials = credentials;
        this.warehouseId = warehouseId;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    /**
     * The last reading if it is younger than the cache time, else a new one. Synchronized: checks that arrive together
     * (several producers of one endpoint, or a probe and the console) share one reading.
     */
    public synchronized WarehouseStatus status() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.checkedAt().plus(cacheTime))) {
            return last;
        }
        last = read(now);
        return last;
    }

    /** The last reading without making one; null before the first. */
    public synchronized WarehouseStatus lastStatus() {
        return last;
    }

    /** How many readings were made (each is at most one token request and one SQL Warehouses API call). */
    public long readings() {
        return readings.get();
    }

    private WarehouseStatus read(Instant now) {
        readings.incrementAndGet();
        try {
            // a token first, so that credentials that cannot be obtained are reported as such, not as an API error
            credentials.accessToken();
        } catch (RuntimeException e) {
            // the token requests are the component's own OAuth calls, which the error classifier knows; its
            // reason is secret-free, unlike the exception's own message (a server's answer)
            ErrorClassification verdict = ErrorClassifier.classify(e, ExecutionPhase.CONNECT);
            return failed("the credentials could not be obtained (" + verdict.category().value()
                    + (verdict.httpStatus() > 0 ? ", HTTP " + verdict.httpStatus() : "") + "): " + verdict.reason(),
                    verdict.category(), now);
        }
        try {
            return new WarehouseStatus(client.state(), null, null, now);
        } catch (Exception e) {
            ApiFailures.Verdict verdict = ApiFailures.classify(e);
            return failed("the SQL Warehouses API did not answer with the state (" + verdict.category().value()
                    + "): " + verdict.reason(), verdict.category(), now);
        }
    }

    private WarehouseStatus failed(String problem, ErrorCategory category, Instant now) {
        LOG.debug("Health check of warehouse {}: {}", warehouseId, problem);
        return new WarehouseStatus(null, category, problem, now);
    }
}
