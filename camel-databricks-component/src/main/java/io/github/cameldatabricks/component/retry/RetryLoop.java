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
package io.github.cameldatabricks.component.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.env.Sleeper;
import io.github.cameldatabricks.component.error.AttemptFailedException;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.component.error.ErrorClassification;
import io.github.cameldatabricks.component.error.ErrorClassifier;
import io.github.cameldatabricks.component.stats.EndpointStatistics;
import io.github.cameldatabricks.component.warehouse.ColdStartWaiter;

/**
 * Runs one statement with the producer's retry policy. It retries only what is transient and certainly did not run the
 * statement — a failure before the statement was sent, or an HTTP 503/429 answer to it — or any transient failure of a
 * read-only statement. A write whose outcome is unknown is never retried: it fails as {@code ambiguous}. A 503 first
 * asks the warehouse state: a stopped or starting warehouse is waited for (up to warehouseStartTimeout, not counted as
 * a retry).
 */
public final class RetryLoop {

    /** One attempt at the statement. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws AttemptFailedException;
    }

    /** What happened, for the exchange's headers. */
    public record Result<T>(T value, int attempts) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);
    /** A warehouse that stops again while we wait for it is waited for again, but not forever. */
    private static final int MAX_COLD_START_WAITS = 3;

    private final RetryPolicy policy;
    private final ColdStartWaiter coldStart;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final EndpointStatistics statistics;

    public RetryLoop(RetryPolicy policy, ColdStartWaiter coldStart, Clock clock, Sleeper sleeper,
            DoubleSupplier random) {
        this(policy, coldStart, clock, sleeper, random, new EndpointStatistics());
    }

    /** @param statistics where retries and cold-start waits are counted (the endpoint's, for the dev console) */
    public RetryLoop(RetryPolicy policy, ColdStartWaiter coldStart, Clock clock, Sleeper sleeper,
            DoubleSupplier random, EndpointStatistics statistics) {
        this.policy = policy;
        this.coldStart = coldStart;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.statistics = statistics;
    }

    /**
     * Runs the attempt until it succeeds or a failure should go to the route.
     *
     * @param readOnly whether running the statement again is harmless — a read, or an idempotent write such as a COPY
     *                 INTO or a file upload that overwrites — so that even an ambiguous failure may be retried
     * @throws DatabricksException the classified failure, with the number of attempts
     */
    public <T> Result<T> run(boolean readOnly, Attempt<T> attempt) throws DatabricksException {
        Instant started = clock.instant();
        int attempts = 0;
        int retries = 0;
        int coldStartWaits = 0;
        while (true) {
            attempts++;
            try {
                return new Result<>(attempt.run(), attempts);
            } catch (AttemptFailedException failure) {
                ErrorClassification verdict = ErrorClassifier.classify(failure.failure(), failure.phase());
                if (readOnly && verdict.category() == ErrorCategory.AMBIGUOUS) {
                    // running a read again cannot change anything
                    verdict = verdict.withRetryable(true);
                }
                if (verdict.category() == ErrorCategory.WAREHOUSE_UNAVAILABLE && coldStart != null
                        && coldStartWaits < MAX_COLD_START_WAITS) {
                    ColdStartWaiter.Outcome outcome = awaitWarehouse();
                    if (outcome != ColdStartWaiter.Outcome.WAS_RUNNING
                            && outcome != ColdStartWaiter.Outcome.UNKNOWN) {
                        // the warehouse was not running, and the statement waited for it
                        statistics.coldStartWait();
                    }
                    if (outcome == ColdStartWaiter.Outcome.BECAME_RUNNING) {
                        coldStartWaits++;
                        continue;
                    }
                    if (outcome == ColdStartWaiter.Outcome.TIMED_OUT || outcome == ColdStartWaiter.Outcome.STOPPED) {
                        throw DatabricksException.of(verdict.withReason(outcome == ColdStartWaiter.Outcome.STOPPED
                                ? "the warehouse is stopped (set autoStartWarehouse=true to start it)"
                                : "the warehouse did not reach RUNNING within warehouseStartTimeout"),
                                attempts, failure.failure());
                    }
                }
                Duration delay = verdict.retryable() && retries < policy.maxRetries()
                        ? policy.delayBefore(retries + 1, random) : null;
                Duration spent = Duration.between(started, clock.instant());
                if (delay == null || spent.plus(delay).compareTo(policy.budget()) > 0) {
                    if (verdict.retryable() && delay != null) {
                        LOG.debug("Not retrying: {} spent, the next delay {} would exceed the retry budget {}",
                                spent, delay, policy.budget());
                    }
                    throw DatabricksException.of(verdict, attempts, failure.failure());
                }
                retries++;
                statistics.retry();
                LOG.debug("Attempt {} failed ({}: {}); retry {} of {} in {} ms", attempts, verdict.category().value(),
                        verdict.reason(), retries, policy.maxRetries(), delay.toMillis());
                sleep(delay, verdict, attempts, failure);
            }
        }
    }

    private ColdStartWaiter.Outcome awaitWarehouse() throws DatabricksException {
        try {
            return coldStart.awaitRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ColdStartWaiter.Outcome.UNKNOWN;
        }
    }

    private void sleep(Duration delay, ErrorClassification verdict, int attempts, AttemptFailedException failure)
            throws DatabricksException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DatabricksException.of(verdict, attempts, failure.failure());
        }
    }
}
