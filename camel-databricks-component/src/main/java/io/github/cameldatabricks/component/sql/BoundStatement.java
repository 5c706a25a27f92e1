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
package io.github.cameldatabricks.component.sql;

import java.util.List;

/**
 * JDBC SQL with its parameter values in order.
 *
 * @param sql    the SQL with {@code ?} placeholders
 * @param values one value per placeholder
 */
public record BoundStatement(String sql, List<Object> values) {

    /** A statement without parameters. */
    public static BoundStatement of(String sql) {
        return new BoundStatement(sql, List.of());
    }

    @Override
    public String toString() {
        // values may be personal data: never part of toString
        return "BoundStatement[" + values.size() + " parameters]";
    }
}
