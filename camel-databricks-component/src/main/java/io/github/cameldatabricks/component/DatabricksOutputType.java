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
package io.github.cameldatabricks.component;

/** How a query result is returned, with camel-sql's names and meanings. */
public enum DatabricksOutputType {
    /** A single row: a scalar for one column, a Map (or bean) otherwise; more than one row is an error. */
    SelectOne,
    /** All rows as a List of Maps (or beans). */
    SelectList,
    /**
     * An Iterator of Maps (or beans) read lazily; connection and result set are released when the exchange completes.
     */
    StreamList
}
