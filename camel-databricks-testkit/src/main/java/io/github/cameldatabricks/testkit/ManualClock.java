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
package io.github.cameldatabricks.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to. Give the same instance to a LocalWarehouse ({@code builder().clock(...)}) and
 * to the code under test (as its clock, with a sleeper that calls {@link #advance}), and waits such as a 20-second cold
 * start take no real time.
 */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> now;

    /** A clock at the current instant. */
    public ManualClock() {
        this(Instant.now(), ZoneOffset.UTC);
    }

    /** A clock at the given instant. */
    public ManualClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // a view of the same time: advancing one advances both
        return new ManualClock(now, zone);
    }
}
