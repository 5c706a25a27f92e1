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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Back-off arithmetic. */
class RetryPolicyTest {

    private final RetryPolicy pwafDefaults = new RetryPolicy(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60),
            Duration.ofMinutes(5));

    @Test
    void delaysDoubleFromTwoSecondsAndStopAtTheCapWithJitterWithinTwentyPercent() {
        assertThat(pwafDefaults.delayBefore(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(pwafDefaults.delayBefore(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(pwafDefaults.delayBefore(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(pwafDefaults.delayBefore(10, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(pwafDefaults.delayBefore(1, () -> 0.0)).isEqualTo(Duration.ofMillis(1600));
        assertThat(pwafDefaults.delayBefore(1, () -> 0.999999)).isBetween(Duration.ofMillis(2399),
                Duration.ofMillis(2400));
        assertThat(pwafDefaults.delayBefore(10, () -> 0.999999)).isEqualTo(Duration.ofSeconds(60));
    }
}
