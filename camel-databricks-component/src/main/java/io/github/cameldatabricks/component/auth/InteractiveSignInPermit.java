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
package io.github.cameldatabricks.component.auth;

import java.util.function.Supplier;

/**
 * The permission to start an interactive U2M sign-in, held by the threads that ask for a token on behalf of an exchange
 * or an endpoint, as opposed to the SDK's background refresh, HikariCP's connection-adding thread or the warehouse
 * state client. A browser must never open, and a lock never be held for the consent timeout, because a background
 * refresh found no refresh token.
 */
final class InteractiveSignInPermit {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private InteractiveSignInPermit() {
    }

    static <T> T runPermitted(Supplier<T> action) {
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

    /** Whether the current thread may sign in: it serves an exchange or an endpoint, not a background refresh. */
    static boolean isPermitted() {
        return ACTIVE.get();
    }
}
