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
package io.github.cameldatabricks.testkit.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.LocalWarehouseConfig;
import io.github.cameldatabricks.testkit.audit.AuditLog;
import io.github.cameldatabricks.testkit.faults.Faults;

/**
 * JUnit 5 extension giving a test class a started {@link LocalWarehouse}. Register it as a static field to share one
 * warehouse across the class (started before all tests, stopped after them); pending faults and denials are cleared
 * after each test so that tests do not depend on one another's order.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();
 *
 * &#64;Test
 * void query() throws Exception {
 *     try (Connection c = DriverManager.getConnection(WAREHOUSE.jdbcUrl())) { ... }
 * }
 * </pre>
 *
 * {@code LocalWarehouse} parameters of test methods are resolved to the same warehouse.
 */
public final class LocalWarehouseExtension
        implements
            BeforeAllCallback,
            BeforeEachCallback,
            AfterEachCallback,
            AfterAllCallback,
            ParameterResolver {

    private final LocalWarehouseConfig.Builder builder;
    private LocalWarehouse warehouse;
    private boolean perClass;

    /** A warehouse with the default configuration. */
    public LocalWarehouseExtension() {
        this(LocalWarehouse.builder());
    }

    /** A warehouse built from the given builder. */
    public LocalWarehouseExtension(LocalWarehouseConfig.Builder builder) {
        this.builder = builder;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    private synchronized void start() {
        if (warehouse == null) {
            warehouse = builder.build().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (warehouse == null) {
            return;
        }
        warehouse.faults().clear();
        warehouse.permissions().clear();
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private synchronized void stop() {
        if (warehouse != null) {
            warehouse.close();
            warehouse = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalWarehouse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return warehouse();
    }

    /** The started warehouse. */
    public LocalWarehouse warehouse() {
        if (warehouse == null) {
            throw new IllegalStateException("the LocalWarehouse is not started (register the extension with "
                    + "@RegisterExtension)");
        }
        return warehouse;
    }

    /** A complete JDBC URL with the default token. */
    public String jdbcUrl() {
        return warehouse().jdbcUrl();
    }

    public Faults faults() {
        return warehouse().faults();
    }

    public AuditLog audit() {
        return warehouse().audit();
    }
}
