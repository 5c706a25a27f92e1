package io.github.cameldatabricks.component.env;

import java.time.Duration;

/**
 * How the component waits between attempts. Injectable so that tests of minute-long back-offs and cold starts run
 * in milliseconds (with a clock the sleeper advances). Camel's Tasks API waits with a fixed interval and real
 * sleeps only, so it offers neither exponential back-off with jitter nor that seam.
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
