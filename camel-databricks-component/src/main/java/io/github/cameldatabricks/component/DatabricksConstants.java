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

import org.apache.camel.spi.Metadata;

/** Header and exchange property names of the Databricks component. */
public final class DatabricksConstants {

    @Metadata(label = "producer", description = "The SQL to run instead of the endpoint's.", javaType = "String")
    public static final String QUERY = "CamelDatabricksQuery";
    @Metadata(label = "producer", description = "The number of rows a query returned (not set for StreamList).",
            javaType = "Integer", important = true)
    public static final String ROW_COUNT = "CamelDatabricksRowCount";
    @Metadata(label = "producer", description = "The number of rows a DML statement or batch changed.",
            javaType = "Long", important = true)
    public static final String UPDATE_COUNT = "CamelDatabricksUpdateCount";
    @Metadata(description = "The category of a failure (e.g. warehouse_unavailable, syntax, ambiguous), also set as"
            + " an exchange property.", javaType = "String")
    public static final String ERROR_CATEGORY = "CamelDatabricksErrorCategory";
    @Metadata(description = "Whether the failure is transient and may succeed when retried, also set as an exchange"
            + " property.", javaType = "Boolean")
    public static final String ERROR_RETRYABLE = "CamelDatabricksErrorRetryable";
    @Metadata(description = "How many attempts the producer made for the exchange.", javaType = "Integer")
    public static final String ATTEMPTS = "CamelDatabricksAttempts";

    @Metadata(label = "producer", description = "With batch=true: how many leading elements of the body are"
            + " committed (all of them on success; on failure the elements before the failed statement), also set as"
            + " an exchange property.", javaType = "Long", important = true)
    public static final String BATCH_COMMITTED = "CamelDatabricksBatchCommitted";
    @Metadata(label = "producer", description = "With batch=true, after a failure: the index (from 0) of the first"
            + " element of the statement that failed.", javaType = "Long")
    public static final String BATCH_FAILED_FROM = "CamelDatabricksBatchFailedFrom";
    @Metadata(label = "producer", description = "With batch=true, after a failure: the index of the last element of"
            + " the statement that failed.", javaType = "Long")
    public static final String BATCH_FAILED_TO = "CamelDatabricksBatchFailedTo";
    @Metadata(label = "producer", description = "With batch=true, after a failure: whether the failed statement may"
            + " have been committed (its outcome is unknown).", javaType = "Boolean")
    public static final String BATCH_AMBIGUOUS = "CamelDatabricksBatchAmbiguous";
    @Metadata(label = "producer", description = "With batch=true: skip this many leading elements of the body, as"
            + " already committed. Set by the producer after a failure (to the committed count), so that a redelivery"
            + " or a replay of the same message resumes after the committed elements; removed on success.",
            javaType = "Long")
    public static final String BATCH_SKIP = "CamelDatabricksBatchSkip";
    @Metadata(label = "producer", description = "With batch=true: how many statements the batch sent.",
            javaType = "Integer")
    public static final String BATCH_STATEMENTS = "CamelDatabricksBatchStatements";
    @Metadata(label = "producer", description = "For databricks:load: endpoints: the rows COPY INTO reported as"
            + " loaded (0 when a retried COPY INTO found its files already loaded by an earlier attempt).",
            javaType = "Long", important = true)
    public static final String LOADED_ROWS = "CamelDatabricksLoadedRows";
    @Metadata(label = "producer", description = "For databricks:load: endpoints: the rows written to the staging"
            + " files (for a body that is already a file: not set).", javaType = "Long")
    public static final String STAGED_ROWS = "CamelDatabricksStagedRows";
    @Metadata(label = "producer", description = "For databricks:load: endpoints: the volume folder the exchange's"
            + " files were staged in.", javaType = "String")
    public static final String STAGING_PATH = "CamelDatabricksStagingPath";

    @Metadata(label = "producer", description = "For databricks:load: endpoints: the name of the message's staging"
            + " folder. Set by the producer (from the exchange id) before it stages files and kept after a failure, so"
            + " that a redelivery or a replay of the same message stages to the same file names, which COPY INTO skips"
            + " if an earlier attempt loaded them; removed on success.", javaType = "String")
    public static final String LOAD_ID = "CamelDatabricksLoadId";

    private DatabricksConstants() {
    }
}
