/**
 * Writes with batch=true: multi-row INSERT chunks and per-element statements, with the committed/failed outcome.
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.batch;
