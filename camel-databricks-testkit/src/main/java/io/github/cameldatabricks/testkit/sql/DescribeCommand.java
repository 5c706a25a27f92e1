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
 * {@code DESCRIBE [TABLE] name}, as two DuckDB queries the warehouse runs itself, because DuckDB's type names must be
 * respelled in Java ({@link SparkTypeNames}) before they become the {@code data_type} column.
 *
 * @param checkSql   a query of the table that fails as a query of it would (missing table)
 * @param columnsSql the columns: {@code col_name}, the DuckDB type name, {@code comment}, in column order
 */
public record DescribeCommand(String checkSql, String columnsSql) implements Translation.Command {
}
