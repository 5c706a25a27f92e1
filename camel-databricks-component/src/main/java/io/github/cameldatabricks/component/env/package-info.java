/**
 * The process environment and waiting, behind seams that tests replace (environment variables, sleeping).
 *
 * <p>Internal: may change in any release.
 */
package io.github.cameldatabricks.component.env;
