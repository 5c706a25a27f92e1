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
package io.github.cameldatabricks.testkit.thrift;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldatabricks.testkit.sql.SessionContext;
import io.github.cameldatabricks.testkit.sql.TimeZones;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/** A SQL session opened by {@code OpenSession}: its principal, current catalog and schema, confs, operations. */
final class WarehouseSession implements SessionContext {

    private final UUID id;
    private final String principal;
    private volatile String catalog;
    private volatile String schema;
    private final Map<String, String> conf = new ConcurrentHashMap<>();
    private final Map<UUID, Operation> operations = new ConcurrentHashMap<>();

    WarehouseSession(UUID id, String principal, String catalog, String schema) {
        this.id = id;
        this.principal = principal;
        this.catalog = catalog;
        this.schema = schema;
    }

    UUID id() {
        return id;
    }

    @Override
    public String principal() {
        return principal;
    }

    @Override
    public String catalog() {
        return catalog;
    }

    @Override
    public String schema() {
        return schema;
    }

    void use(String newCatalog, String newSchema) {
        if (newCatalog != null) {
            catalog = newCatalog.toLowerCase(java.util.Locale.ROOT);
        }
        if (newSchema != null) {
            schema = newSchema.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The session time zone as a DuckDB zone name, from {@code SET TIME ZONE} or the {@code spark.sql.session.timeZone}
     * conf (also given at OpenSession); null for UTC.
     */
    String timeZone() throws WarehouseSqlException {
        String value = conf.get(TimeZones.CONF_KEY);
        return value == null ? null : TimeZones.toDuck(value);
    }

    Map<String, String> conf() {
        return conf;
    }

    void add(Operation operation) {
        operations.put(operation.id(), operation);
    }

    Operation operation(UUID operationId) {
        return operations.get(operationId);
    }

    void remove(UUID operationId) {
        operations.remove(operationId);
    }

    void closeAll() {
        for (Operation op : operations.values()) {
            op.close();
        }
        operations.clear();
    }
}
