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
package io.github.cameldatabricks.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.github.cameldatabricks.component.auth.DatabricksAuthMode;

/**
 * Who connects: the auth mode and its credentials, including the OAuth U2M sign-in settings. Part of
 * {@link DatabricksConfiguration}.
 */
@UriParams
public abstract class DatabricksAuthConfiguration extends DatabricksHealthConfiguration {

    @UriParam(label = "security", enums = "pat,token-env,oauth-m2m,oauth-u2m,oauth-federation")
    private DatabricksAuthMode authMode;

    @UriParam(label = "security", security = "secret")
    private String token;

    @UriParam(label = "security", security = "secret")
    private String accessToken;

    @UriParam(label = "security")
    private String clientId;

    @UriParam(label = "security", security = "secret")
    private String clientSecret;

    @UriParam(label = "security")
    private String redirectUri;

    @UriParam(label = "security")
    private String browserCommand;

    @UriParam(label = "security", defaultValue = "120000", javaType = "java.time.Duration")
    private long consentTimeout = 120000;

    @UriParam(label = "security")
    private String tokenCacheDirectory;

    @UriParam(label = "security", defaultValue = "30000", javaType = "java.time.Duration")
    private long oauthTimeout = 30000;

    @UriParam(label = "security")
    private String idTokenFile;

    public DatabricksAuthMode getAuthMode() {
        return authMode;
    }

    /**
     * How to authenticate: pat (personal access token, testing only), token-env (a pre-obtained OAuth access token),
     * oauth-m2m, oauth-u2m, oauth-federation (OAuth token federation: the workload's identity token from its platform,
     * e.g. a Kubernetes service account token, is exchanged for a Databricks token; no Databricks secret). When unset:
     * token means pat, accessToken means token-env, idTokenFile means oauth-federation; with no credential option, the
     * APP_AUTH_TYPE environment variable selects it, else the one flow whose environment variables are set.
     */
    public void setAuthMode(DatabricksAuthMode authMode) {
        this.authMode = authMode;
    }

    public String getToken() {
        return token;
    }

    /**
     * The personal access token for authMode=pat. Falls back to the DATABRICKS_TOKEN environment variable.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * A pre-obtained OAuth access token for authMode=token-env. Falls back to the DATABRICKS_ACCESS_TOKEN environment
     * variable.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The OAuth client id: the service principal's application id for authMode=oauth-m2m (falls back to
     * DATABRICKS_CLIENT_ID), or the custom OAuth app's client id for authMode=oauth-u2m (falls back to
     * DATABRICKS_U2M_CLIENT_ID), or the service principal whose federation policy admits the workload for
     * authMode=oauth-federation (falls back to DATABRICKS_CLIENT_ID; unset for account-wide federation).
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * The OAuth client secret: the service principal's secret for oauth-m2m (falls back to DATABRICKS_CLIENT_SECRET),
     * or the custom OAuth app's secret for oauth-u2m, if it has one (falls back to DATABRICKS_U2M_CLIENT_SECRET).
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    /**
     * The redirect URI registered for the custom OAuth app (oauth-u2m); the component listens on its host, port and
     * path for the browser's callback. Falls back to DATABRICKS_REDIRECT_URI, then http://localhost:8080/callback.
     */
    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public String getBrowserCommand() {
        return browserCommand;
    }

    /**
     * How to open the sign-in page for oauth-u2m: a command that gets the URL as its last argument (e.g. xdg-open, or a
     * path to a script); none to only log the URL (headless); unset for the system browser, or the log when there is
     * none.
     */
    public void setBrowserCommand(String browserCommand) {
        this.browserCommand = browserCommand;
    }

    public long getConsentTimeout() {
        return consentTimeout;
    }

    /**
     * How long, in milliseconds, oauth-u2m waits for the user to sign in and approve in the browser.
     */
    public void setConsentTimeout(long consentTimeout) {
        this.consentTimeout = consentTimeout;
    }

    public long getOauthTimeout() {
        return oauthTimeout;
    }

    /**
     * How long, in milliseconds, the workspace's OAuth endpoints (discovery, token requests) may take to answer before
     * the request fails as a retryable network error.
     */
    public void setOauthTimeout(long oauthTimeout) {
        this.oauthTimeout = oauthTimeout;
    }

    public String getTokenCacheDirectory() {
        return tokenCacheDirectory;
    }

    /**
     * Where oauth-u2m keeps its tokens between runs (one owner-only file per host and client id), so that a restart
     * needs no new sign-in; none disables the cache. Defaults to .config/camel-databricks/oauth in the user home
     * directory.
     */
    public void setTokenCacheDirectory(String tokenCacheDirectory) {
        this.tokenCacheDirectory = tokenCacheDirectory;
    }

    public String getIdTokenFile() {
        return idTokenFile;
    }

    /**
     * For authMode=oauth-federation: the file holding the workload's identity token (a JWT), e.g. a Kubernetes
     * projected service account token; it is read again at every token exchange, since platforms rotate it. Without it
     * the token comes from DATABRICKS_OIDC_TOKEN_FILEPATH, or the environment variable DATABRICKS_OIDC_TOKEN (or the
     * one named by DATABRICKS_OIDC_TOKEN_ENV).
     */
    public void setIdTokenFile(String idTokenFile) {
        this.idTokenFile = idTokenFile;
    }
}
