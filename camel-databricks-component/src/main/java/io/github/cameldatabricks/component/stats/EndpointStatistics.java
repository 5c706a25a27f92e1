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
package io.github.cameldatabricks.component.stats;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.github.cameldatabricks.component.error.ErrorCategory;

/**
 * What one endpoint has done since it was created, for the dev console: exchanges, statement retries, waits for a
 * starting warehouse, and final failures by category. Counted where the producer and the retry loop already know these
 * things; cheap enough to count always.
 */
public final class EndpointStatistics {

    private final LongAdder exchanges = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder coldStartWaits = new LongAdder();
    private final Map<ErrorCategory, LongAdder> failures = new EnumMap<>(ErrorCategory.class);

    public EndpointStatistics() {
        for (ErrorCategory category : ErrorCategory.values()) {
            failures.put(category, new LongAdder());
        }
    }

    /** An exchange reached the producer. */
    public void exchange() {
        exchanges.increment();
    }

    /** A failed attempt is retried after a back-off. */
    public void retry() {
        retries.increment();
    }

    /** A statement waited for a stopped or starting warehouse to reach RUNNING. */
    public void coldStartWait() {
        coldStartWaits.increment();
    }

    /** An exchange failed for good with this category. */
    public void failure(ErrorCategory category) {
        failures.get(category).increment();
    }

    public long exchanges() {
        return exchanges.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long coldStartWaits() {
        return coldStartWaits.sum();
    }

    /** Failures by category, only the categories that occurred. */
    public Map<ErrorCategory, Long> failures() {
        Map<ErrorCategory, Long> counts = new EnumMap<>(ErrorCategory.class);
        failures.forEach((category, count) -> {
            if (count.sum() > 0) {
                counts.put(category, count.sum());
            }
        });
        return counts;
    }

    /** All failures. */
    public long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
