package io.github.cameldatabricks.component.auth;

import java.util.function.Supplier;

/**
 * Marks the threads that ask for a token on behalf of an exchange about to borrow a connection, as opposed to the
 * SDK's background refresh, HikariCP's connection-adding thread or the warehouse state client. Only such a thread may start an interactive U2M sign-in: a browser must never open, and a
 * lock never be held for the consent timeout, because a background refresh found no refresh token.
 */
final class CallerThread {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private CallerThread() {
    }

    static <T> T run(Supplier<T> action) {
        if (ACTIVE.get()) {
            return action.get();
        }
        ACTIVE.set(true);
        try {
            return action.get();
        } finally {
            ACTIVE.remove();
        }
    }

    /** Whether the current thread is serving an exchange or an endpoint, not refreshing in the background. */
    static boolean isActive() {
        return ACTIVE.get();
    }
}
