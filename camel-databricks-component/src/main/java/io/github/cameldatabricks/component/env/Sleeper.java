package io.github.cameldatabricks.component.env;

import java.time.Duration;

/**
 * How the component waits between attempts. Injectable so that tests of minute-long back-offs and cold starts run
 * in milliseconds (with a clock the sleeper advances).
 *
 * <p>Why not Camel's own: the Tasks API of Camel 4.22 ({@code ForegroundTask} with an {@code IterationBudget}) takes
 * a pluggable {@code BackOffStrategy}, and camel-util's {@code BackOff} has a multiplier and a maximum delay, but both
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
