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
package io.github.cameldatabricks.component.health;

import java.time.Instant;

import io.github.cameldatabricks.component.error.ErrorCategory;

/**
 * One reading of the warehouse through the SQL Warehouses API: its state, or why it could not be read.
 *
 * @param state     the warehouse state (RUNNING, STOPPED, STARTING, ...); null if it could not be read
 * @param failure   the category of the failure that prevented the reading; null if the state was read
 * @param problem   a secret-free explanation of that failure; null if the state was read
 * @param checkedAt when the reading was made, on the component's clock
 */
public record WarehouseStatus(String state, ErrorCategory failure, String problem, Instant checkedAt) {

    /** Whether the state was read. */
    public boolean readable() {
        return state != null;
    }

    /** Whether the warehouse is stopped or stopping, i.e. it runs no query until it is started. */
    public boolean stopped() {
        return "STOPPED".equals(state) || "STOPPING".equals(state);
    }

    /** Whether the warehouse runs or will run queries: RUNNING, or STARTING on its way there. */
    public boolean serving() {
        return "RUNNING".equals(state) || "STARTING".equals(state);
    }
}
