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
 * How much one multi-row statement may carry.
 *
 * @param maxParameters the most parameter markers in one statement (databricks-jdbc binds up to 256 natively)
 * @param maxBytes      the most bytes of statement text and parameter values in one statement
 */
public record BatchLimits(int maxParameters, int maxBytes) {

    /** How many rows of {@code markersPerRow} markers fit in one statement; at least one. */
    int rowsPerStatement(int markersPerRow) {
        return markersPerRow == 0 ? Integer.MAX_VALUE : Math.max(1, maxParameters / markersPerRow);
    }
}
