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
package io.github.cameldatabricks.component.batch;

/**
 * An element of a batch body that cannot be written (not a Map, a parameter without a value). The elements before it
 * that were already sent stay committed: {@link #getCommitted()} says how many.
 */
public final class InvalidBatchElementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long committed;

    InvalidBatchElementException(String message, long committed, Throwable cause) {
        super(message, cause);
        this.committed = committed;
    }

    /** How many leading elements of the body are committed. */
    public long getCommitted() {
        return committed;
    }
}
