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
package io.github.cameldatabricks.testkit.thrift;

import java.time.Duration;

import io.github.cameldatabricks.testkit.sql.TableName;

/** What the warehouse decides around a statement: access control and injected slowness. */
public interface ExecutionPolicy {

    /** Whether the principal is denied access to the table. */
    boolean isDenied(String principal, TableName table);

    /** How long the next statement stays RUNNING before it executes (zero normally; a fault may set it). */
    Duration nextStatementDelay();

    /** Whether the next statement fails as a concurrent write conflict (false normally; a fault may set it). */
    boolean nextStatementConflicts();
}
