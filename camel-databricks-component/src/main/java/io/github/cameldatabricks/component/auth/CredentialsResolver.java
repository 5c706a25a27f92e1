/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldatabricks.component.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.databricks.sdk.core.oauth.Token;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.StringHelper;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.env.EnvironmentVariables;
import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * Decides the auth mode and builds its credentials. Credentials come either all from the endpoint's options or all from
 * the environment, never mixed, so the ambient {@code DATABRICKS_*} variables cannot change an endpoint that configures
 * its own. From the environment, the mode is {@code APP_AUTH_TYPE} (the variables of other flows are then ignored, and
 * named at INFO), or the one flow whose variables are present; variables of two flows with no selector, or of none, are
 * reported as the PWAF troubleshooting table describes, naming every variable. Errors and log lines never contain a
 * value.
 */
public final class CredentialsResolver {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CredentialsResolver.class);

    static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/callback";

    /** Where databricks-sdk-java looks for a workload's identity token; the same names here. */
    private static final List<String> FEDERATION_VARIABLES = List.of(EnvironmentVariables.OIDC_TOKEN_FILEPATH,
            EnvironmentVariables.OIDC_TOKEN_ENV, EnvironmentVariables.OIDC_TOKEN);
    /** A JWT: three base64url parts, the first starting with the encoding of <code>{"</code>. */
    private static final java.util.regex.Pattern LOOKS_LIKE_JWT = java.util.regex.Pattern
            .compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Environment environment;
    private final Clock clock;
    private final BrowserLauncher browserOverride;

    /**
     * @param browserOverride opens the U2M sign-in page instead of the browserCommand option (embedders, tests), or
     *                        null
     */
    public CredentialsResolver(Environment environment, Clock clock, BrowserLauncher browserOverride) {
        this.environment = environment;
        this.clock = clock;
        this.browserOverride = browserOverride;
    }

    /** The credentials for the options, the environment filling in only when no credential option is set. */
    public DatabricksCredentials resolve(AuthOptions options, WorkspaceHost host) {
        if (options.hasExplicitCredentials()) {
            return fromOptions(options, host);
        }
        return fromEnvironment(options, host);
    }

    private DatabricksCredentials fromOptions(AuthOptions o, WorkspaceHost host) {
        DatabricksAuthMode mode;
        boolean oauthClient = ObjectHelper.isNotEmpty(o.clientId()) || ObjectHelper.isNotEmpty(o.clientSecret());
        if (o.authMode() == null && oauthClient
                && (ObjectHelper.isNotEmpty(o.token()) || ObjectHelper.isNotEmpty(o.accessToken()))) {
            // a component-level token must not silently win over an endpoint's OAuth client, nor the other way
            throw new IllegalArgumentException("clientId/clientSecret are set next to a token (token or accessToken,"
                    + " on the endpoint or the component): set authMode (pat, token-env, oauth-m2m or oauth-u2m) to"
                    + " say which one this endpoint uses");
        }
        if (o.authMode() != null) {
            mode = o.authMode();
        } else if (ObjectHelper.isNotEmpty(o.idTokenFile())) {
            if (ObjectHelper.isNotEmpty(o.token()) || ObjectHelper.isNotEmpty(o.accessToken())
                    || ObjectHelper.isNotEmpty(o.clientSecret())) {
                throw new IllegalArgumentException("idTokenFile is set next to a token or clientSecret (on the endpoint"
                        + " or the component): set authMode=oauth-federation to use the workload's identity token, or"
                        + " remove idTokenFile");
            }
            mode = DatabricksAuthMode.OAUTH_FEDERATION;
        } else if (ObjectHelper.isNotEmpty(o.token()) && ObjectHelper.isNotEmpty(o.accessToken())) {
            throw new IllegalArgumentException("Both token (a personal access token) and accessToken (an OAuth"
                    + " access token) are set: set authMode=pat or authMode=token-env, or remove one of them");
        } else if (ObjectHelper.isNotEmpty(o.token())) {
            mode = DatabricksAuthMode.PAT;
        } else if (ObjectHelper.isNotEmpty(o.accessToken())) {
            mode = DatabricksAuthMode.TOKEN_ENV;
        } else {
            throw new IllegalArgumentException("clientId/clientSecret are set but authMode is not: set"
                    + " authMode=oauth-m2m (service principal), authMode=oauth-u2m (custom OAuth app) or"
                    + " authMode=oauth-federation (workload identity federation for the service principal)");
        }
        if (mode != DatabricksAuthMode.OAUTH_FEDERATION && ObjectHelper.isNotEmpty(o.idTokenFile())) {
            throw new IllegalArgumentException("idTokenFile is only used by authMode=oauth-federation, not authMode="
                    + mode.option() + ": remove it or set authMode=oauth-federation");
        }
        return switch (mode) {
            case PAT -> new StaticTokenCredentials(mode, require(mode, o.token(), "token"));
            case TOKEN_ENV -> tokenEnv(require(mode, o.accessToken(), "accessToken"), "accessToken");
            case OAUTH_M2M -> {
                missing(mode, o.clientId(), "clientId", o.clientSecret(), "clientSecret");
                yield m2m(host, o.clientId().trim(), o.clientSecret().trim(), o);
            }
            case OAUTH_U2M ->
                u2m(host, require(mode, o.clientId(), "clientId"), StringHelper.trimToNull(o.clientSecret()),
                        o);
            case OAUTH_FEDERATION -> {
                if (ObjectHelper.isNotEmpty(o.clientSecret())) {
                    throw new IllegalArgumentException("clientSecret is not used by authMode=oauth-federation (the"
                            + " workload's identity token replaces it): remove clientSecret, or use authMode=oauth-m2m");
                }
                yield federation(host, StringHelper.trimToNull(o.clientId()), o);
            }
        };
    }

    private DatabricksCredentials fromEnvironment(AuthOptions o, WorkspaceHost host) {
        Map<DatabricksAuthMode, List<String>> present = presentFlows();
        DatabricksAuthMode mode;
        if (o.authMode() != null) {
            mode = o.authMode();
        } else if (environment.value(EnvironmentVariables.APP_AUTH_TYPE).isPresent()) {
            mode = DatabricksAuthMode.fromAppAuthType(environment.value(EnvironmentVariables.APP_AUTH_TYPE).get());
        } else if (present.size() == 1) {
            mode = present.keySet().iterator().next();
        } else if (present.isEmpty()) {
            throw new IllegalArgumentException("Cannot configure default credentials: no authentication is"
                    + " configured. Set the endpoint's auth options (token, accessToken, or authMode with clientId"
                    + " and clientSecret), or APP_AUTH_TYPE with its variables: pat needs DATABRICKS_TOKEN;"
                    + " token_env needs DATABRICKS_ACCESS_TOKEN; oauth_m2m needs DATABRICKS_CLIENT_ID and"
                    + " DATABRICKS_CLIENT_SECRET; oauth_u2m needs DATABRICKS_U2M_CLIENT_ID; oauth_federation needs"
                    + " DATABRICKS_OIDC_TOKEN_FILEPATH or DATABRICKS_OIDC_TOKEN (or DATABRICKS_OIDC_TOKEN_ENV), and"
                    + " DATABRICKS_CLIENT_ID for a service principal");
        } else {
            throw moreThanOne(present, null);
        }
        Map<DatabricksAuthMode, List<String>> others = new LinkedHashMap<>(present);
        others.remove(mode);
        if (!others.isEmpty()) {
            if (o.authMode() == null && environment.value(EnvironmentVariables.APP_AUTH_TYPE).isEmpty()) {
                throw moreThanOne(present, mode);
            }
            // the PWAF selector exists to settle exactly this: the chosen flow wins, and the log says what lost
            LOG.info("{} selects {}; ignoring the variables of other flows: {}", o.authMode() != null
                    ? "authMode" : EnvironmentVariables.APP_AUTH_TYPE, mode.option(),
                    others.values().stream().flatMap(List::stream).toList());
        }
        return switch (mode) {
            case PAT -> new StaticTokenCredentials(mode, requireEnv(mode, EnvironmentVariables.TOKEN));
            case TOKEN_ENV -> tokenEnv(requireEnv(mode, EnvironmentVariables.ACCESS_TOKEN),
                    EnvironmentVariables.ACCESS_TOKEN);
            case OAUTH_M2M -> {
                String id = env(EnvironmentVariables.CLIENT_ID);
                String secret = env(EnvironmentVariables.CLIENT_SECRET);
                missing(mode, id, EnvironmentVariables.CLIENT_ID, secret, EnvironmentVariables.CLIENT_SECRET);
                yield m2m(host, id, secret, o);
            }
            case OAUTH_U2M -> u2m(host, requireEnv(mode, EnvironmentVariables.U2M_CLIENT_ID),
                    env(EnvironmentVariables.U2M_CLIENT_SECRET), o);
            case OAUTH_FEDERATION -> federation(host, env(EnvironmentVariables.CLIENT_ID), o);
        };
    }

    /** The flows whose variables are set, with the variable names. */
    private Map<DatabricksAuthMode, List<String>> presentFlows() {
        Map<DatabricksAuthMode, List<String>> present = new LinkedHashMap<>();
        addIfSet(present, DatabricksAuthMode.PAT, EnvironmentVariables.TOKEN);
        addIfSet(present, DatabricksAuthMode.TOKEN_ENV, EnvironmentVariables.ACCESS_TOKEN);
        boolean federation = FEDERATION_VARIABLES.stream().anyMatch(v -> environment.value(v).isPresent());
        // DATABRICKS_CLIENT_ID names the service principal for federation too: without a secret next to a workload
        // token it belongs to federation, so that the two do not count as two flows
        boolean clientIdForFederation = federation
                && environment.value(EnvironmentVariables.CLIENT_SECRET).isEmpty();
        addIfSet(present, clientIdForFederation ? DatabricksAuthMode.OAUTH_FEDERATION : DatabricksAuthMode.OAUTH_M2M,
                EnvironmentVariables.CLIENT_ID);
        addIfSet(present, DatabricksAuthMode.OAUTH_M2M, EnvironmentVariables.CLIENT_SECRET);
        addIfSet(present, DatabricksAuthMode.OAUTH_U2M, EnvironmentVariables.U2M_CLIENT_ID);
        addIfSet(present, DatabricksAuthMode.OAUTH_U2M, EnvironmentVariables.U2M_CLIENT_SECRET);
        FEDERATION_VARIABLES.forEach(v -> addIfSet(present, DatabricksAuthMode.OAUTH_FEDERATION, v));
        return present;
    }

    private void addIfSet(Map<DatabricksAuthMode, List<String>> present, DatabricksAuthMode mode, String variable) {
        if (environment.value(variable).isPresent()) {
            present.computeIfAbsent(mode, m -> new ArrayList<>()).add(variable);
        }
    }

    private static IllegalArgumentException moreThanOne(Map<DatabricksAuthMode, List<String>> present,
            DatabricksAuthMode chosen) {
        StringBuilder flows = new StringBuilder();
        present.forEach((mode, variables) -> flows.append(flows.length() == 0 ? "" : " and ")
                .append(String.join(", ", variables)).append(" (").append(mode.option()).append(')'));
        return new IllegalArgumentException("More than one authorization method is configured in the environment: "
                + flows + (chosen == null ? "" : ", while APP_AUTH_TYPE selects " + chosen.option())
                + ". Unset the variables of the flow you do not use (run with a clean environment for one auth"
                + " type), or give the endpoint its own credentials options");
    }

    private DatabricksCredentials tokenEnv(String token, String source) {
        Optional<Instant> exp = JwtClaims.expiry(token);
        if (exp.isPresent() && !clock.instant().isBefore(exp.get())) {
            throw new IllegalArgumentException("The OAuth access token given by " + source + " expired at "
                    + exp.get() + ": obtain a new token (pre-obtained tokens are not refreshed; use"
                    + " authMode=oauth-m2m or oauth-u2m for long runs)");
        }
        return new StaticTokenCredentials(DatabricksAuthMode.TOKEN_ENV, token);
    }

    private DatabricksCredentials m2m(WorkspaceHost host, String clientId, String clientSecret, AuthOptions o) {
        OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(host, clock, o.oauthTimeout());
        ClientCredentialsTokenSource source = new ClientCredentialsTokenSource(endpoint, clientId, clientSecret);
        return new OAuthCredentials(DatabricksAuthMode.OAUTH_M2M, host.url(), clientId, clientSecret, source, null,
                source::requests, clock);
    }

    private DatabricksCredentials u2m(WorkspaceHost host, String clientId, String clientSecret, AuthOptions o) {
        URI redirect = redirectUri(o);
        OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(host, clock, o.oauthTimeout());
        BrowserLauncher browser = browserOverride != null ? browserOverride
                : BrowserLauncher.forCommand(o.browserCommand());
        U2mSignIn signIn = new U2mSignIn(endpoint, clientId, clientSecret, redirect, browser, o.consentTimeout());
        TokenCacheFile cache = "none".equalsIgnoreCase(String.valueOf(o.tokenCacheDirectory())) ? null
                : new TokenCacheFile(ObjectHelper.isNotEmpty(o.tokenCacheDirectory()) ? Path.of(o.tokenCacheDirectory())
                        : TokenCacheFile.defaultDirectory(), host.url(), clientId);
        Token cached = cache == null ? null : cache.load();
        RefreshTokenSource source = new RefreshTokenSource(endpoint, clientId, clientSecret, signIn, cache,
                cached == null ? null : cached.getRefreshToken());
        return new OAuthCredentials(DatabricksAuthMode.OAUTH_U2M, host.url(), clientId, clientSecret, source,
                cached != null && cached.getExpiry().isAfter(clock.instant()) ? cached : null, source::requests,
                clock);
    }

    /**
     * OAuth token federation: the workload token is the platform's, not a configured credential, so it is found in
     * idTokenFile or, without it, where the SDK looks (DATABRICKS_OIDC_TOKEN_FILEPATH, DATABRICKS_OIDC_TOKEN or the
     * variable named by DATABRICKS_OIDC_TOKEN_ENV); more than one place is refused rather than one silently winning.
     */
    private DatabricksCredentials federation(WorkspaceHost host, String clientId, AuthOptions o) {
        WorkloadToken workloadToken = workloadToken(o);
        OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(host, clock, o.oauthTimeout());
        TokenExchangeTokenSource source = new TokenExchangeTokenSource(endpoint, workloadToken, clientId, clock);
        return OAuthCredentials.federated(host.url(), clientId, workloadToken.describe(), source, source::requests,
                clock);
    }

    private WorkloadToken workloadToken(AuthOptions o) {
        List<String> inEnvironment = FEDERATION_VARIABLES.stream().filter(v -> environment.value(v).isPresent())
                .toList();
        if (ObjectHelper.isNotEmpty(o.idTokenFile())) {
            if (!inEnvironment.isEmpty()) {
                throw new IllegalArgumentException("Both idTokenFile and " + String.join(", ", inEnvironment)
                        + " are set: the workload's identity token must come from one place; remove idTokenFile or"
                        + " unset the variable");
            }
            return tokenFile(o.idTokenFile().trim(), "idTokenFile");
        }
        boolean file = inEnvironment.contains(EnvironmentVariables.OIDC_TOKEN_FILEPATH);
        if (file && inEnvironment.size() > 1) {
            throw new IllegalArgumentException("Both " + String.join(" and ", inEnvironment) + " are set: the"
                    + " workload's identity token must come from one place; unset all but one");
        }
        if (file) {
            return tokenFile(env(EnvironmentVariables.OIDC_TOKEN_FILEPATH), EnvironmentVariables.OIDC_TOKEN_FILEPATH);
        }
        if (inEnvironment.contains(EnvironmentVariables.OIDC_TOKEN_ENV)) {
            String name = env(EnvironmentVariables.OIDC_TOKEN_ENV);
            // never echoed: a token put here by mistake must not reach a message
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}") || environment.value(name).isEmpty()) {
                throw new IllegalArgumentException("Invalid " + EnvironmentVariables.OIDC_TOKEN_ENV + ": expected the"
                        + " name of a set environment variable that holds the workload's identity token (it defaults"
                        + " to " + EnvironmentVariables.OIDC_TOKEN + "), and that variable is not set or the value is"
                        + " not a variable name");
            }
            return WorkloadToken.variable(environment, name);
        }
        if (inEnvironment.contains(EnvironmentVariables.OIDC_TOKEN)) {
            return WorkloadToken.variable(environment, EnvironmentVariables.OIDC_TOKEN);
        }
        throw new IllegalArgumentException("Missing for authMode=oauth-federation: the workload's identity token."
                + " Set idTokenFile to the file holding it (e.g. a projected service account token), or "
                + EnvironmentVariables.OIDC_TOKEN_FILEPATH + ", or " + EnvironmentVariables.OIDC_TOKEN + " (or "
                + EnvironmentVariables.OIDC_TOKEN_ENV + " naming the variable that holds it)");
    }

    /**
     * The token file, checked now so that a wrong path fails at endpoint creation rather than at the first exchange.
     */
    private static WorkloadToken tokenFile(String value, String source) {
        if (LOOKS_LIKE_JWT.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid " + source + ": it holds what looks like a token, not the path"
                    + " of the file that holds it; set the path (the token itself is never put in an option)");
        }
        Path file;
        try {
            file = Path.of(value).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("Invalid " + source + ": not a valid file path");
        }
        String expected = ": expected the file holding the workload's identity token (a JWT), e.g."
                + " /var/run/secrets/tokens/databricks-token";
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalArgumentException("Invalid " + source + " '" + file + "': no such file" + expected);
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid " + source + " '" + file + "': not a regular file (a"
                    + " directory?)" + expected);
        }
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException("Invalid " + source + " '" + file + "': this process may not read it;"
                    + " check the file's permissions for the user the route runs as");
        }
        return WorkloadToken.file(file, source);
    }

    private URI redirectUri(AuthOptions o) {
        String value = ObjectHelper.isNotEmpty(o.redirectUri()) ? o.redirectUri().trim()
                : environment.value(EnvironmentVariables.REDIRECT_URI).orElse(DEFAULT_REDIRECT_URI);
        String source = ObjectHelper.isNotEmpty(o.redirectUri()) ? "redirectUri" : EnvironmentVariables.REDIRECT_URI;
        try {
            URI uri = URI.create(value);
            if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0
                    && WorkspaceHost.isLoopback(uri.getHost())) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with what is expected
        }
        throw new IllegalArgumentException("Invalid " + source + " '" + value + "': expected the redirect URI"
                + " registered for the OAuth app, on this machine and with an explicit port (http://localhost:<port>/"
                + "<path> or http://127.0.0.1:<port>/<path>), e.g. " + DEFAULT_REDIRECT_URI);
    }

    private String env(String variable) {
        return environment.value(variable).orElse(null);
    }

    private String requireEnv(DatabricksAuthMode mode, String variable) {
        return environment.value(variable).orElseThrow(() -> new IllegalArgumentException("Missing for"
                + " authMode=" + mode.option() + ": " + variable + " (or the endpoint's credential options)"));
    }

    private static String require(DatabricksAuthMode mode, String value, String option) {
        if (ObjectHelper.isEmpty(value)) {
            throw new IllegalArgumentException("Missing for authMode=" + mode.option() + ": the " + option
                    + " option (credential options are not mixed with DATABRICKS_* variables)");
        }
        return value.trim();
    }

    private static void missing(DatabricksAuthMode mode, String a, String aName, String b, String bName) {
        List<String> names = new ArrayList<>();
        if (ObjectHelper.isEmpty(a)) {
            names.add(aName);
        }
        if (ObjectHelper.isEmpty(b)) {
            names.add(bName);
        }
        if (!names.isEmpty()) {
            throw new IllegalArgumentException("Missing for authMode=" + mode.option() + ": "
                    + String.join(", ", names));
        }
    }

}
