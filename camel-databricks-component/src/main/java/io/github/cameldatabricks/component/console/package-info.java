/**
 * The Camel dev console "databricks": pools, OAuth identities and endpoint statistics, in text and JSON.
 *
 * <p>Internal: the console's output is for people and tools, not an API.
 */
package io.github.cameldatabricks.component.console;
