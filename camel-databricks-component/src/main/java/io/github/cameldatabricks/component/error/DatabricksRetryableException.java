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
 * A transient failure (rate limit, warehouse unavailable, network, conflict) that the producer could not overcome
 * within its retries: redelivering the exchange later is safe.
 */
public class DatabricksRetryableException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksRetryableException(ErrorClassification classification, int attempts, Throwable cause) {
        super(classification, attempts, cause);
    }
}
