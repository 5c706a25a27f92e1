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
/**
 * The databricks: component: its Camel classes (component, endpoint, producer, consumer) and options.
 *
 * <p>
 * Supported API: {@link DatabricksComponent}, {@link DatabricksEndpoint}, {@link DatabricksConfiguration} and its
 * option classes, {@link DatabricksConstants} (header names) and {@link DatabricksOutputType}. The producer and
 * consumer are public because Camel needs them so; use them through endpoints.
 *
 * <p>
 * Packages, one per concern; what each may import is checked by PackageDependenciesTest (no cycles): auth (who
 * connects), connection (driver and pools), workspace (the host), warehouse (warehouse state and cold starts), retry
 * (the retry loop), error (classification and exceptions), sql (statements, parameters, results), batch (multi-row
 * writes), load (Files API + COPY INTO), health, console, stats, env (environment and waiting).
 */
package io.github.cameldatabricks.component;
