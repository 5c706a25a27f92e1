package io.github.cameldatabricks.testkit.auth;

/**
 * The outcome of checking a request's credentials: who the caller is and by which method, or why it was refused.
 */
public record AuthResult(boolean accepted, String principal, String method, String reason) {

    public static AuthResult accepted(String principal, String method) {
        return new AuthResult(true, principal, method, null);
    }

    public static AuthResult rejected(String reason) {
        return new AuthResult(false, null, "none", reason);
    }
}
