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
package io.github.cameldatabricks.component.warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.env.Sleeper;

/**
 * Waits for a stopped or starting warehouse to reach RUNNING, reading its state through the SQL Warehouses API and
 * logging progress, and starts a stopped one first if so configured. Used when a statement got HTTP 503.
 */
public final class ColdStartWaiter {

    /** What the wait found. */
    public enum Outcome {
        /** The warehouse was already RUNNING: the 503 had another cause. */
        WAS_RUNNING,
        /** The warehouse was stopped or starting and is RUNNING now. */
        BECAME_RUNNING,
        /** The warehouse did not reach RUNNING within the timeout. */
        TIMED_OUT,
        /** The warehouse is stopped and will not start by itself (autoStartWarehouse=false). */
        STOPPED,
        /** The state could not be read. */
        UNKNOWN
    }

    private static final Logger LOG = LoggerFactory.getLogger(ColdStartWaiter.class);

    private final WarehouseStateClient client;
    private final String warehouseId;
    private final boolean autoStart;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Clock clock;
    private final Sleeper sleeper;

    public ColdStartWaiter(WarehouseStateClient client, String warehouseId, boolean autoStart, Duration timeout,
            Duration pollInterval, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.warehouseId = warehouseId;
        this.autoStart = autoStart;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the warehouse is RUNNING, or says why it did not. */
    public Outcome awaitRunning() throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        boolean waited = false;
        boolean startRequested = false;
        while (true) {
            String state;
            try {
                state = client.state();
            } catch (Exception e) {
                LOG.warn("Could not read the state of warehouse {} ({}): retrying the statement without waiting",
                        warehouseId, e.getClass().getSimpleName());
                return Outcome.UNKNOWN;
            }
            if ("RUNNING".equals(state)) {
                if (waited) {
                    LOG.info("Warehouse {} is RUNNING after {} s", warehouseId,
                            Duration.between(start, clock.instant()).toSeconds());
                }
                return waited ? Outcome.BECAME_RUNNING : Outcome.WAS_RUNNING;
            }
            if (("STOPPED".equals(state) || "STOPPING".equals(state)) && !startRequested) {
                if (!autoStart) {
                    // a serverless warehouse starts on the query itself; give it one poll interval to show it
                    if (waited) {
                        LOG.warn("Warehouse {} is {}: set autoStartWarehouse=true to let the component start it",
                                warehouseId, state);
                        return Outcome.STOPPED;
                    }
                } else {
                    LOG.info("Warehouse {} is {}: starting it (autoStartWarehouse=true)", warehouseId, state);
                    try {
                        client.start();
                        startRequested = true;
                        state = state + ", start requested";
                    } catch (Exception e) {
                        LOG.warn("Starting warehouse {} failed ({})", warehouseId, e.getClass().getSimpleName());
                        return Outcome.UNKNOWN;
                    }
                }
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                LOG.warn("Warehouse {} is still {} after {} s (warehouseStartTimeout)", warehouseId, state,
                        timeout.toSeconds());
                return Outcome.TIMED_OUT;
            }
            LOG.info("Warehouse {} is {}: waiting for RUNNING ({} s of at most {} s)", warehouseId, state,
                    Duration.between(start, now).toSeconds(), timeout.toSeconds());
            Duration remaining = Duration.between(now, deadline);
            sleeper.sleep(remaining.compareTo(pollInterval) < 0 ? remaining : pollInterval);
            waited = true;
        }
    }
}
