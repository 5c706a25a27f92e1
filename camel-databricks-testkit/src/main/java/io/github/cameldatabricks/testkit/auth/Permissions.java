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
package io.github.cameldatabricks.testkit.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldatabricks.testkit.sql.TableName;

/** A simple per-principal deny list: denied tables fail with {@code INSUFFICIENT_PERMISSIONS} (SQLSTATE 42501). */
public final class Permissions {

    private final Map<String, Set<TableName>> denied = new ConcurrentHashMap<>();

    /** Denies the principal any access to {@code catalog.schema.table}. */
    public void deny(String principal, String qualifiedTable) {
        denied.computeIfAbsent(principal, p -> ConcurrentHashMap.newKeySet()).add(TableName.parse(qualifiedTable));
    }

    /** Lifts every denial. */
    public void clear() {
        denied.clear();
    }

    public boolean isDenied(String principal, TableName table) {
        Set<TableName> tables = denied.get(principal);
        return tables != null && tables.contains(table);
    }
}
