package io.github.cameldatabricks.testkit.oidc;

import java.util.concurrent.TimeUnit;

/**
 * Holds token requests until a test lets them through, so that a test can prove a client keeps working while its
 * token request is outstanding (a background refresh) rather than waiting for it. A held request is let through
 * after {@link #MAX_HOLD_SECONDS} at the latest, so a forgotten hold slows a test instead of hanging it.
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
