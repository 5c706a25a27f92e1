/**
 * Per-endpoint counters for the dev console.
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.stats;
