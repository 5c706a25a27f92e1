package io.github.cameldatabricks.testkit.oidc;

/**
 * A service principal for OAuth M2M: its application id (a UUID, the OAuth client id) and an OAuth secret.
 *
 * @param applicationId the client id
 * @param secret        the OAuth secret
 * @param displayName   a name for humans
 */
public record ServicePrincipal(String applicationId, String secret, String displayName) {
}
