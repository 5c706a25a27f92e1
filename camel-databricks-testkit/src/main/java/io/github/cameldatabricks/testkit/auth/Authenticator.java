package io.github.cameldatabricks.testkit.auth;

import java.util.List;
import java.util.function.Function;

/**
 * Checks the {@code Authorization} header of a workspace request against every credential source the workspace
 * knows (personal access tokens; OAuth access tokens once an issuer is registered), in order.
 */
public final class Authenticator {

    private final List<Function<String, AuthResult>> sources;

    public Authenticator(List<Function<String, AuthResult>> sources) {
        this.sources = List.copyOf(sources);
    }

    public AuthResult authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return AuthResult.rejected("No access token was provided.");
        }
        String header = authorizationHeader.trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AuthResult.rejected("Unsupported authorization scheme: expected a Bearer token.");
        }
        String token = header.substring(7).trim();
        AuthResult last = AuthResult.rejected("Invalid access token.");
        for (Function<String, AuthResult> source : sources) {
            AuthResult result = source.apply(token);
            if (result.accepted()) {
                return result;
            }
            if (result.reason() != null && !result.reason().equals("Invalid access token.")) {
                last = result;
            }
        }
        return last;
    }
}
