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

import java.sql.SQLException;

/**
 * The endpoint stopped while an exchange waited for a connection to the warehouse, or while a connection was being
 * opened: nothing was sent to the warehouse on the exchange's behalf. Classified as cancelled (SQLSTATE 57014,
 * "operation cancelled"), not retryable.
 */
public class EndpointStoppedException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** @param cause what the closing pool reported, or null */
    public EndpointStoppedException(String message, Throwable cause) {
        super(message, "57014", cause);
    }
}
