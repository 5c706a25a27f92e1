/**
 * The producer health check: readiness from the SQL Warehouses API, never from SQL.
 *
 * <p>Internal: the check is found through Camel's health registry; its details are documented in docs/operations.md.
 */
package io.github.cameldatabricks.component.health;
