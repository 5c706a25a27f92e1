package io.github.cameldatabricks.testkit.oidc;

/** A validated {@code /oidc/v1/authorize} request waiting for the user's decision. */
public record AuthorizeRequest(String clientId, String redirectUri, String state, String codeChallenge, String scope) {
}
