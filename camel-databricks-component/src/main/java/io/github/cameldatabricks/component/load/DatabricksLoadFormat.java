package io.github.cameldatabricks.component.load;

/** The file formats a databricks:load: endpoint stages and COPY INTO reads. */
public enum DatabricksLoadFormat {
    /** Newline-delimited JSON, one object per row. */
    JSON,
    /** CSV with a header row. */
    CSV,
    /** Apache Parquet. */
    PARQUET
}
