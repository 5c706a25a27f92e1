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
 * A result read whole (outputType=SelectList or SelectOne) passed maxResultBytes: reading stopped and the rows read so
 * far were released. Classified as too_large, not retryable.
 */
public class ResultTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param rowsRead   how many rows were read before the limit was passed
     * @param limitBytes the limit
     */
    public ResultTooLargeException(long rowsRead, long limitBytes) {
        super("the result passed maxResultBytes (" + limitBytes / (1024 * 1024) + " MB, estimated) after " + rowsRead
                + " rows: stream it with outputType=StreamList and split().streaming(), or limit it with maxRows");
    }
}
