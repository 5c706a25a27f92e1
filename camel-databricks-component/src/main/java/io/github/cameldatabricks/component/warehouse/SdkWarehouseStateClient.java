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
package io.github.cameldatabricks.component.warehouse;

import java.util.function.Supplier;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import com.databricks.sdk.service.sql.StartRequest;

import io.github.cameldatabricks.component.connection.SdkPartnerUserAgent;
import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * The SQL Warehouses API through databricks-sdk-java, authenticated with the endpoint's current access token. A new SDK
 * client per call keeps a refreshed token current; the calls are rare (only while a warehouse starts).
 */
public final class SdkWarehouseStateClient implements WarehouseStateClient {

    private static final int HTTP_TIMEOUT_SECONDS = 30;
    /** A health probe must answer well within a readiness probe's usual timeout. */
    private static final int HEALTH_CHECK_HTTP_TIMEOUT_SECONDS = 10;

    private final WorkspaceHost host;
    private final String warehouseId;
    private final Supplier<String> accessToken;
    private final boolean sdkRetries;
    private final int httpTimeoutSeconds;

    /** The client for waiting on a starting warehouse: the SDK retries transient failures itself. */
    public SdkWarehouseStateClient(WorkspaceHost host, String warehouseId, String userAgentEntry,
            Supplier<String> accessToken) {
        this(host, warehouseId, userAgentEntry, accessToken, true, HTTP_TIMEOUT_SECONDS);
    }

    private SdkWarehouseStateClient(WorkspaceHost host, String warehouseId, String userAgentEntry,
            Supplier<String> accessToken, boolean sdkRetries, int httpTimeoutSeconds) {
        this.host = host;
        this.warehouseId = warehouseId;
        this.accessToken = accessToken;
        this.sdkRetries = sdkRetries;
        this.httpTimeoutSeconds = httpTimeoutSeconds;
        SdkPartnerUserAgent.register(userAgentEntry);
    }

    /**
     * The client for health checks: one attempt with a short timeout. The SDK's own retries (four attempts with
     * back-off, about 16 s against a refused connection) would hold a readiness probe far beyond its timeout; the next
     * probe asks again anyway.
     */
    public static SdkWarehouseStateClient forHealthChecks(WorkspaceHost host, String warehouseId,
            String userAgentEntry, Supplier<String> accessToken) {
        return new SdkWarehouseStateClient(host, warehouseId, userAgentEntry, accessToken, false,
                HEALTH_CHECK_HTTP_TIMEOUT_SECONDS);
    }

    private WorkspaceClient client() {
        // the PAT provider itself, not the SDK's default chain: that chain first asks the workspace for its OpenID
        // endpoints (with retries) to set up OIDC providers that are never used here
        DatabricksConfig config = new DatabricksConfig().setHost(host.url()).setAuthType("pat")
                .setCredentialsProvider(new PatCredentialsProvider())
                .setToken(accessToken.get()).setHttpTimeoutSeconds(httpTimeoutSeconds).setDisableRetries(!sdkRetries)
                // never log request headers (the Authorization header), whatever the environment or profile says
                .setDebugHeaders(false);
        return new WorkspaceClient(config);
    }

    @Override
    public String state() {
        GetWarehouseResponse warehouse = client().warehouses().get(warehouseId);
        return warehouse.getState() == null ? "UNKNOWN" : warehouse.getState().name();
    }

    @Override
    public void start() {
        client().warehouses().start(new StartRequest().setId(warehouseId));
    }

    @Override
    public String toString() {
        return "SdkWarehouseStateClient[" + host + ", " + warehouseId + "]";
    }
}
