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
package io.github.cameldatabricks.component.health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.cameldatabricks.component.auth.DatabricksCredentials;
import io.github.cameldatabricks.component.connection.WarehouseTarget;

/**
 * The producer health check: UP while the warehouse is RUNNING or STARTING; for a STOPPED or STOPPING one what
 * {@code healthCheckStoppedWarehouse} says (UP by default); DOWN when the credentials cannot be obtained, the workspace
 * cannot be reached or the warehouse does not exist. It reads the state through the SQL Warehouses API (cached, see
 * {@link WarehouseStateProbe}); it runs no SQL. Readiness only: a stopped or unreachable warehouse is no reason to
 * restart this JVM.
 */
public final class DatabricksProducerHealthCheck extends AbstractHealthCheck {

    private final WarehouseStateProbe probe;
    private final WarehouseTarget target;
    private final DatabricksCredentials credentials;
    private final StoppedWarehouseHealth whenStopped;

    public DatabricksProducerHealthCheck(String id, WarehouseStateProbe probe, WarehouseTarget target,
            DatabricksCredentials credentials, StoppedWarehouseHealth whenStopped) {
        super("camel", id);
        this.probe = probe;
        this.target = target;
        this.credentials = credentials;
        this.whenStopped = whenStopped;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        // only what identifies the target and the principal: never a token or secret
        builder.detail("host", target.host().url());
        builder.detail("warehouse.id", target.warehouseId());
        builder.detail("auth.mode", credentials.mode().option());
        if (credentials.principal() != null) {
            builder.detail("client.id", credentials.principal());
        }
        WarehouseStatus status = probe.status();
        builder.detail("checked.at", status.checkedAt().toString());
        if (!status.readable()) {
            builder.detail("error.category", status.failure().value());
            builder.message("Warehouse " + target.warehouseId() + ": " + status.problem());
            builder.down();
            return;
        }
        builder.detail("warehouse.state", status.state());
        if (status.serving()) {
            builder.up();
        } else if (status.stopped()) {
            builder.message("Warehouse " + target.warehouseId() + " is " + status.state()
                    + " (healthCheckStoppedWarehouse=" + whenStopped + ")");
            builder.state(whenStopped == StoppedWarehouseHealth.UP ? State.UP : State.DOWN);
        } else {
            builder.message("Warehouse " + target.warehouseId() + " is " + status.state());
            builder.down();
        }
    }
}
