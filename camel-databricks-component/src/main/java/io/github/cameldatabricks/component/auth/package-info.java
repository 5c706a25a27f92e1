/**
 * Who connects: the authentication modes (PAT, pre-obtained token, OAuth M2M, OAuth U2M with PKCE, token federation),
 * their token sources and caches.
 *
 * <p>Supported API: {@link DatabricksAuthMode} (the authMode option) and {@link BrowserLauncher} (for embedders that
 * open the U2M sign-in page themselves). Everything else is internal and may change in any release.
 */
package io.github.cameldatabricks.component.auth;
