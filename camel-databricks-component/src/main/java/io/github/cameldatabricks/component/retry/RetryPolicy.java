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

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter, a retry count and an overall time budget. The defaults of Databricks' Partner
 * Well-Architected Framework (PWAF): 3 retries, 2 s initial delay, factor 2, 60 s cap.
 *
 * @param maxRetries   retries after the first attempt
 * @param initialDelay the delay before the first retry
 * @param multiplier   the growth factor of the delay
 * @param maxDelay     the cap of one delay
 * @param budget       the most time an exchange may spend on its attempts and delays
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay,
        Duration budget) {

    /** Jitter spreads delays by this fraction either way, so that clients failing together do not retry together. */
    static final double JITTER = 0.2;

    /**
     * The delay before the given retry (1 for the first).
     *
     * @param random a value in [0, 1)
     */
    public Duration delayBefore(int retry, DoubleSupplier random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return Duration.ofMillis(Math.round(Math.min(jittered, maxDelay.toMillis())));
    }
}
