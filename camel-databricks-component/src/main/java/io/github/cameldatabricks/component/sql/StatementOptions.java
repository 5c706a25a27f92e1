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
package io.github.cameldatabricks.component.sql;

/**
 * Per-statement JDBC settings; 0 leaves the driver's default.
 *
 * @param maxRows             {@code Statement.setMaxRows}
 * @param fetchSize           {@code Statement.setFetchSize}
 * @param queryTimeoutSeconds {@code Statement.setQueryTimeout}
 * @param maxResultBytes      the estimated heap a result read whole may take (0: a quarter of the maximum heap)
 */
public record StatementOptions(int maxRows, int fetchSize, int queryTimeoutSeconds, long maxResultBytes) {
}
