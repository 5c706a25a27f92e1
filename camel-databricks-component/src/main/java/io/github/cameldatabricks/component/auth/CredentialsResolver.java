package io.github.cameldatabricks.component.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.env.EnvironmentVariables;

/**
 * Decides the auth mode and its credentials from the endpoint options, falling back to the environment only for
 * what the chosen mode needs and the options leave unset. Errors name the option and the variable, never a value.
 */
public final class CredentialsResolver {

    private final Environment environment;
    private final Clock clock;

    public CredentialsResolver(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * The auth mode: the {@code authMode} option; else the mode implied by an explicitly set credential option
     * ({@code token} means pat, {@code accessToken} means token-env), so that an ambient {@code APP_AUTH_TYPE}
     * never changes an endpoint configured with its own credentials; else {@code APP_AUTH_TYPE}; else pat.
     */
    public DatabricksAuthMode mode(String authModeOption, String tokenOption, String accessTokenOption) {
        if (!isBlank(authModeOption)) {
            return DatabricksAuthMode.fromOption(authModeOption);
        }
        if (!isBlank(tokenOption) && !isBlank(accessTokenOption)) {
            throw new IllegalArgumentException("Both token (a personal access token) and accessToken (an OAuth"
                    + " access token) are set: set authMode=pat or authMode=token-env, or remove one of them");
        }
        if (!isBlank(tokenOption)) {
            return DatabricksAuthMode.PAT;
        }
        if (!isBlank(accessTokenOption)) {
            return DatabricksAuthMode.TOKEN_ENV;
        }
        return environment.value(EnvironmentVariables.APP_AUTH_TYPE).map(DatabricksAuthMode::fromAppAuthType)
                .orElse(DatabricksAuthMode.PAT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Credentials for the mode, from the given option values or the mode's environment variables. */
    public DatabricksCredentials resolve(DatabricksAuthMode mode, String tokenOption, String accessTokenOption) {
        return switch (mode) {
            case PAT -> new StaticTokenCredentials(mode, required(tokenOption, "token", EnvironmentVariables.TOKEN,
                    "a personal access token (authMode=pat)"));
            case TOKEN_ENV -> {
                String token = required(accessTokenOption, "accessToken", EnvironmentVariables.ACCESS_TOKEN,
                        "a pre-obtained OAuth access token (authMode=token-env)");
                Optional<Instant> exp = JwtExpiry.of(token);
                if (exp.isPresent() && !clock.instant().isBefore(exp.get())) {
                    throw new IllegalArgumentException("The OAuth access token given by accessToken or "
                            + EnvironmentVariables.ACCESS_TOKEN + " expired at " + exp.get()
                            + ": obtain a new token (pre-obtained tokens are not refreshed; use authMode=oauth-m2m"
                            + " or oauth-u2m for long runs)");
                }
                yield new StaticTokenCredentials(mode, token);
            }
            case OAUTH_M2M, OAUTH_U2M -> throw new IllegalArgumentException("authMode=" + mode.option()
                    + " is not supported by this version of camel-databricks yet: use pat or token-env");
        };
    }

    private String required(String option, String optionName, String variable, String what) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        return environment.value(variable).orElseThrow(() -> new IllegalArgumentException("Missing " + what
                + ": set the " + optionName + " option or the " + variable + " environment variable"));
    }
}
