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
package io.github.cameldatabricks.testkit.oidc;

import java.util.concurrent.TimeUnit;

/**
 * Holds token requests until a test lets them through, so that a test can prove a client keeps working while its token
 * request is outstanding (a background refresh) rather than waiting for it. A held request is let through after
 * {@link #MAX_HOLD_SECONDS} at the latest, so a forgotten hold slows a test instead of hanging it.
 */
public final class TokenRequestGate {

    static final long MAX_HOLD_SECONDS = 60;

    private boolean holding;
    private int waiting;
    private long held;

    /** Hold every token request from now on ({@code true}) or let them all through ({@code false}). */
    public synchronized void hold(boolean hold) {
        this.holding = hold;
        notifyAll();
    }

    /** How many token requests are being held right now. */
    public synchronized int waiting() {
        return waiting;
    }

    /** How many token requests were held at all. */
    public synchronized long held() {
        return held;
    }

    /** Called by the token endpoint before it answers. */
    public synchronized void pass() throws InterruptedException {
        if (!holding) {
            return;
        }
        waiting++;
        held++;
        notifyAll();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_HOLD_SECONDS);
            long left;
            while (holding && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } finally {
            waiting--;
        }
    }
}
