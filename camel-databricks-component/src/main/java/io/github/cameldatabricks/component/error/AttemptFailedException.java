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
package io.github.cameldatabricks.component.error;

/**
 * Thrown by one attempt at a statement or REST call to the retry loop: what failed, and where it failed: that decides
 * whether the statement (or request) may have run. The cause is the driver's {@link java.sql.SQLException}, or the
 * component's own failure of a REST call such as a Files API upload.
 */
public final class AttemptFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExecutionPhase phase;

    public AttemptFailedException(ExecutionPhase phase, Exception cause) {
        // no message of its own: the driver's may quote the statement
        super("attempt failed while " + phase.name().toLowerCase(java.util.Locale.ROOT), cause, false, false);
        this.phase = phase;
    }

    /** Where the attempt failed. */
    public ExecutionPhase phase() {
        return phase;
    }

    /** What failed: the driver's exception or the component's. */
    public Exception failure() {
        return (Exception) getCause();
    }
}
