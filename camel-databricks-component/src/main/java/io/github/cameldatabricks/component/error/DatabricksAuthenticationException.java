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
 * The workspace rejected the credentials (HTTP 401, invalid_client, invalid_grant) or the identity lacks a privilege
 * (HTTP 403, SQLSTATE 42501): retrying will not help until the credentials or grants change.
 */
public class DatabricksAuthenticationException extends DatabricksException {

    private static final long serialVersionUID = 1L;

    DatabricksAuthenticationException(ErrorClassification classification, int attempts, Throwable cause) {
        super(classification, attempts, cause);
    }
}
