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

/**
 * What the producer health check reports for a warehouse that is STOPPED or STOPPING (option
 * {@code healthCheckStoppedWarehouse}).
 */
public enum StoppedWarehouseHealth {
    /**
     * UP, with the state in the details: a stopped warehouse starts on the next query (serverless) or with
     * autoStartWarehouse=true, so the route can still do its work.
     */
    UP,
    /** DOWN: for deployments where a stopped warehouse means the route cannot work (autoStartWarehouse=false). */
    DOWN
}
