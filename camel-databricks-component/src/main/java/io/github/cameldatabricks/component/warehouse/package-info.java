/**
 * The SQL warehouse's state, through databricks-sdk-java, and waiting for a starting warehouse.
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.warehouse;
