/**
 * The workspace host: normalised from what users write (URL, bare host, host:port).
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.workspace;
