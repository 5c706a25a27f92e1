/**
 * Bulk loads (the load: endpoints): staging files in a Unity Catalog volume through the Files API, then COPY INTO.
 *
 * <p>Supported API: {@link DatabricksLoadFormat} (the loadFormat option). Everything else is internal.
 */
package io.github.cameldatabricks.component.load;
