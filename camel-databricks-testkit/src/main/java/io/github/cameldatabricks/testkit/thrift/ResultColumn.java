package io.github.cameldatabricks.testkit.thrift;

/** One column of a result: its name, its Databricks type and the DuckDB type it came from. */
record ResultColumn(String name, ColumnType type, String duckType) {

    static ResultColumn of(String name, ColumnType type) {
        return new ResultColumn(name, type, type.sparkName());
    }
}
