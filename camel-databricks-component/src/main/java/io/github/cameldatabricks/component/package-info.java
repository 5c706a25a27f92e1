/**
 * The databricks: component: its Camel classes (component, endpoint, producer, consumer) and options.
 *
 * <p>Supported API: {@link DatabricksComponent}, {@link DatabricksEndpoint}, {@link DatabricksConfiguration} and its
 * option classes, {@link DatabricksConstants} (header names) and {@link DatabricksOutputType}. The producer and
 * consumer are public because Camel needs them so; use them through endpoints.
 *
 * <p>Packages, one per concern; what each may import is checked by PackageDependenciesTest (no cycles): auth (who
 * connects), connection (driver and pools), workspace (the host), warehouse (warehouse state and cold starts), retry
 * (the retry loop), error (classification and exceptions), sql (statements, parameters, results), batch (multi-row
 * writes), load (Files API + COPY INTO), health, console, stats, env (environment and waiting).
 */
package io.github.cameldatabricks.component;
