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
package io.github.cameldatabricks.testkit.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse's state machine: STOPPED, STARTING (for the configured start-up time), RUNNING, and back to STOPPED by
 * an explicit stop or after being idle for the auto-stop time. While not RUNNING, SQL requests get 503 with an integer
 * {@code Retry-After}, and (like a serverless warehouse) a SQL request to a stopped warehouse starts it.
 */
public final class WarehouseLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLifecycle.class);

    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Runnable onStop;
    private volatile Duration startupTime;
    private final Duration autoStopAfter;
    private final boolean startOnQuery;
    private WarehouseState state;
    private Instant runningAt;
    private volatile Instant lastActivity;
    private long starts;

    public WarehouseLifecycle(Clock clock, ScheduledExecutorService timers, WarehouseState initial,
            Duration startupTime, Duration autoStopAfter, boolean startOnQuery, Runnable onStop) {
        this.clock = clock;
        this.timers = timers;
        this.state = initial;
        this.startupTime = startupTime;
        this.autoStopAfter = autoStopAfter;
        this.startOnQuery = startOnQuery;
        this.onStop = onStop;
        this.lastActivity = clock.instant();
        if (autoStopAfter != null && !autoStopAfter.isZero()) {
            long period = Math.max(50, Math.min(1000, autoStopAfter.toMillis() / 4));
            timers.scheduleAtFixedRate(this::stopIfIdle, period, period, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized WarehouseState state() {
        catchUp();
        return state;
    }

    public synchronized boolean isRunning() {
        catchUp();
        return state == WarehouseState.RUNNING;
    }

    /**
     * A starting warehouse becomes RUNNING when its clock reaches the start-up deadline. Checked whenever the state is
     * observed instead of by a timer, so that a test's manual clock drives it.
     */
    private void catchUp() {
        if (state == WarehouseState.STARTING && runningAt != null && !clock.instant().isBefore(runningAt)) {
            becomeRunning();
        }
    }

    /** How many times the warehouse was started. */
    public synchronized long starts() {
        return starts;
    }

    /** Changes the start-up time used by the next start. */
    public void startupTime(Duration time) {
        this.startupTime = time;
    }

    /** Starts a stopped warehouse; it becomes RUNNING after the start-up time. */
    public synchronized void start() {
        if (state != WarehouseState.STOPPED) {
            return;
        }
        starts++;
        state = WarehouseState.STARTING;
        runningAt = clock.instant().plus(startupTime);
        LOG.info("LocalWarehouse starting; RUNNING in {} ms", startupTime.toMillis());
        catchUp();
    }

    private void becomeRunning() {
        if (state == WarehouseState.STARTING) {
            state = WarehouseState.RUNNING;
            lastActivity = clock.instant();
            LOG.info("LocalWarehouse RUNNING");
        }
    }

    /** Stops the warehouse, ending every session. */
    public void stop() {
        synchronized (this) {
            if (state == WarehouseState.STOPPED) {
                return;
            }
            state = WarehouseState.STOPPED;
            runningAt = null;
        }
        LOG.info("LocalWarehouse STOPPED");
        onStop.run();
    }

    /** Called for every SQL request that reaches a RUNNING warehouse. */
    public void touch() {
        lastActivity = clock.instant();
    }

    /** Called for a SQL request that finds the warehouse not RUNNING: a stopped one starts, if so configured. */
    public void onSqlRequestWhileNotRunning() {
        if (startOnQuery) {
            start();
        }
    }

    /** Seconds a client should wait before retrying, for the {@code Retry-After} header (at least 1). */
    public synchronized int retryAfterSeconds() {
        catchUp();
        if (state == WarehouseState.STARTING && runningAt != null) {
            long millis = Duration.between(clock.instant(), runningAt).toMillis();
            return (int) Math.max(1, Math.min(60, (millis + 999) / 1000));
        }
        return (int) Math.max(1, Math.min(60, startupTime.toSeconds()));
    }

    private void stopIfIdle() {
        if (isRunning() && Duration.between(lastActivity, clock.instant()).compareTo(autoStopAfter) >= 0) {
            LOG.info("LocalWarehouse idle for {}: auto-stopping", autoStopAfter);
            stop();
        }
    }
}
