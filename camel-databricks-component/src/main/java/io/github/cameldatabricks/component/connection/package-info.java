/**
 * The databricks-jdbc driver: JDBC URL and properties, connection pools keyed by warehouse and identity, the ISV
 * User-Agent entry.
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.connection;
