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

    private DatabricksConstants() {
    }
}
