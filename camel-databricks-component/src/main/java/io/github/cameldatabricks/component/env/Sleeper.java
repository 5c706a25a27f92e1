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
package io.github.cameldatabricks.component.env;

import java.time.Duration;

/**
 * How the component waits between attempts. Injectable so that tests of minute-long back-offs and cold starts run in
 * milliseconds (with a clock the sleeper advances).
 *
 * <p>
 * Why not Camel's own: the Tasks API of Camel 4.22 ({@code ForegroundTask} with an {@code IterationBudget}) takes a
 * pluggable {@code BackOffStrategy}, and camel-util's {@code BackOff} has a multiplier and a maximum delay, but both
 * wait in real time ({@code Thread.sleep}, a scheduled executor) with no seam for a test clock, neither adds jitter,
 * and a task's boolean outcome cannot carry what the retry loop decides between attempts: whether the failure is
 * retryable at all, and whether to wait for a starting warehouse instead of backing off.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for the duration. */
    void sleep(Duration duration) throws InterruptedException;

    /** Real waiting. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
