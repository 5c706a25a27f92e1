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

import java.io.IOException;

/**
 * A failed Files API call of a bulk load (staging files in a Unity Catalog volume). It carries the HTTP status and the
 * Databricks error code, or status 0 when no response came, so the classifier decides from structured facts. The
 * message names the call and the volume path, never a credential.
 */
public final class FilesApiException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorCode;

    public FilesApiException(String message, int httpStatus, String errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the answer, or 0 if none came. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The Databricks error code of the answer (e.g. NOT_FOUND), or null. */
    public String getErrorCode() {
        return errorCode;
    }
}
