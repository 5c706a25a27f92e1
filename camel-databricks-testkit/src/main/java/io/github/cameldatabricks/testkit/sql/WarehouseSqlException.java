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
package io.github.cameldatabricks.testkit.sql;

/**
 * An error as a Databricks SQL warehouse reports it: an error class such as {@code TABLE_OR_VIEW_NOT_FOUND}, a
 * five-character SQLSTATE and a message that ends in {@code SQLSTATE: xxxxx}.
 *
 * <p>
 * {@link #isSynchronous()} tells on which RPC the real server reports it: parse errors come back on
 * {@code ExecuteStatement} itself, analysis and runtime errors through the operation state.
 */
public final class WarehouseSqlException extends Exception {

    private final String errorClass;
    private final String sqlState;
    private final boolean synchronous;

    public WarehouseSqlException(String errorClass, String sqlState, String detail, boolean synchronous) {
        this(errorClass, sqlState, detail, synchronous, "");
    }

    /** An error whose message continues after its SQLSTATE (Spark's parse errors: position and SQL excerpt). */
    public WarehouseSqlException(String errorClass, String sqlState, String detail, boolean synchronous,
            String context) {
        super("[" + errorClass + "] " + detail + " SQLSTATE: " + sqlState + context);
        this.errorClass = errorClass;
        this.sqlState = sqlState;
        this.synchronous = synchronous;
    }

    public static WarehouseSqlException parseError(String detail) {
        return new WarehouseSqlException("PARSE_SYNTAX_ERROR", "42601", detail, true);
    }

    public static WarehouseSqlException unsupported(String what) {
        return new WarehouseSqlException("UNSUPPORTED_FEATURE.LOCAL_WAREHOUSE", "0A000",
                "LocalWarehouse does not support " + what + ". It emulates a Databricks SQL warehouse on DuckDB;"
                        + " see camel-databricks-testkit/README.md for the supported subset.",
                true);
    }

    /**
     * A volume that does not exist, as a Databricks warehouse words it (quoted in user reports):
     * {@code [UC_VOLUME_NOT_FOUND] Volume `c`.`s`.`v` does not exist. Please use 'SHOW VOLUMES' to list available
     * volumes. SQLSTATE: 42704}.
     */
    public static WarehouseSqlException volumeNotFound(String catalog, String schema, String volume) {
        return new WarehouseSqlException("UC_VOLUME_NOT_FOUND", "42704", "Volume `" + catalog + "`.`" + schema
                + "`.`" + volume + "` does not exist. Please use 'SHOW VOLUMES' to list available volumes.", false);
    }

    public String getErrorClass() {
        return errorClass;
    }

    public String getSqlState() {
        return sqlState;
    }

    public boolean isSynchronous() {
        return synchronous;
    }
}
