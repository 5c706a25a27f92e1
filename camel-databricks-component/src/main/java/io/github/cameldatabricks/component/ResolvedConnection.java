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

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.StringHelper;

import io.github.cameldatabricks.component.auth.AuthOptions;
import io.github.cameldatabricks.component.auth.BrowserLauncher;
import io.github.cameldatabricks.component.auth.CredentialsResolver;
import io.github.cameldatabricks.component.auth.DatabricksCredentials;
import io.github.cameldatabricks.component.connection.UserAgentEntry;
import io.github.cameldatabricks.component.connection.WarehousePath;
import io.github.cameldatabricks.component.connection.WarehouseTarget;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.env.EnvironmentVariables;
import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * An endpoint's connection as resolved from its options: where the warehouse is and who connects. Each value comes from
 * the endpoint URI, else the component options (both already merged into the configuration), else the environment, and
 * the environment is read only for values that are unset and needed.
 *
 * @param target      the warehouse and non-secret driver settings
 * @param credentials the identity
 */
record ResolvedConnection(WarehouseTarget target, DatabricksCredentials credentials) {

    static final String DEFAULT_USER_AGENT_ENTRY = "CamelDatabricks_Component/" + DatabricksComponent.VERSION;

    static ResolvedConnection resolve(DatabricksConfiguration config, Environment environment, Clock clock,
            BrowserLauncher browser) {
        String hostValue = ObjectHelper.isNotEmpty(config.getHost()) ? config.getHost()
                : environment.get(EnvironmentVariables.HOST);
        String hostSource = ObjectHelper.isEmpty(config.getHost()) ? EnvironmentVariables.HOST + " (environment)"
                : "host";
        if (ObjectHelper.isEmpty(hostValue)) {
            throw new IllegalArgumentException("Missing workspace host: set the host option (e.g."
                    + " https://myworkspace.cloud.databricks.com) or the " + EnvironmentVariables.HOST
                    + " environment variable");
        }
        WorkspaceHost host = WorkspaceHost.parse(hostValue, hostSource);
        String httpPath = httpPath(config, environment);
        String userAgent = ObjectHelper.isEmpty(config.getUserAgentEntry()) ? DEFAULT_USER_AGENT_ENTRY
                : UserAgentEntry.validate(config.getUserAgentEntry());
        Map<String, String> driverProperties = new LinkedHashMap<>();
        config.getJdbcProperties().forEach((k, v) -> driverProperties.put(k, String.valueOf(v)));
        WarehouseTarget target = new WarehouseTarget(host, httpPath, StringHelper.trimToNull(config.getCatalog()),
                StringHelper.trimToNull(config.getSchema()), userAgent, driverProperties,
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, config.getRetryBudget() / 1000)),
                (int) Math.max(1, Math.min(config.getWarehouseStatePollInterval(), config.getRetryBudget()) / 1000));
        AuthOptions auth = new AuthOptions(config.getAuthMode(), config.getToken(), config.getAccessToken(),
                config.getClientId(), config.getClientSecret(), config.getRedirectUri(), config.getBrowserCommand(),
                java.time.Duration.ofMillis(config.getConsentTimeout()), config.getTokenCacheDirectory(),
                java.time.Duration.ofMillis(config.getOauthTimeout()), config.getIdTokenFile());
        return new ResolvedConnection(target, new CredentialsResolver(environment, clock, browser).resolve(auth, host));
    }

    private static String httpPath(DatabricksConfiguration config, Environment environment) {
        String fromPath = ObjectHelper.isEmpty(config.getHttpPath()) ? null
                : WarehousePath.validateHttpPath(config.getHttpPath(), "httpPath");
        String fromId = ObjectHelper.isEmpty(config.getWarehouseId()) ? null
                : WarehousePath.fromWarehouseId(config.getWarehouseId());
        if (fromPath != null && fromId != null && !fromPath.endsWith("/" + config.getWarehouseId().trim())) {
            throw new IllegalArgumentException("httpPath '" + config.getHttpPath() + "' and warehouseId '"
                    + config.getWarehouseId() + "' name different warehouses: set only one of them");
        }
        if (fromPath != null || fromId != null) {
            return fromPath != null ? fromPath : fromId;
        }
        String env = environment.get(EnvironmentVariables.HTTP_PATH);
        if (ObjectHelper.isEmpty(env)) {
            throw new IllegalArgumentException("Missing SQL warehouse: set the httpPath option"
                    + " (/sql/1.0/warehouses/<id>), the warehouseId option, or the " + EnvironmentVariables.HTTP_PATH
                    + " environment variable");
        }
        return WarehousePath.validateHttpPath(env, EnvironmentVariables.HTTP_PATH + " (environment)");
    }

}
