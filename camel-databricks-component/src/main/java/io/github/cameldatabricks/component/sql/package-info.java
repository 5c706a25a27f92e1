/**
 * Statements and results: named parameters, the SQL scanner, the read-only test, binding, multi-row INSERT rewriting,
 * reading results within a heap budget.
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.sql;
