package io.github.cameldatabricks.component.warehouse;

import java.util.function.Supplier;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import com.databricks.sdk.service.sql.StartRequest;

import io.github.cameldatabricks.component.connection.SdkPartnerUserAgent;
import io.github.cameldatabricks.component.connection.WorkspaceHost;

/**
 * The SQL Warehouses API through databricks-sdk-java, authenticated with the endpoint's current access token. A
 * new SDK client per call keeps a refreshed token current; the calls are rare (only while a warehouse starts).
 */
public final class SdkWarehouseStateClient implements WarehouseStateClient {

    private static final int HTTP_TIMEOUT_SECONDS = 30;

    private final WorkspaceHost host;
    private final String warehouseId;
    private final Supplier<String> accessToken;

    public SdkWarehouseStateClient(WorkspaceHost host, String warehouseId, String userAgentEntry,
            Supplier<String> accessToken) {
        this.host = host;
        this.warehouseId = warehouseId;
        this.accessToken = accessToken;
        SdkPartnerUserAgent.register(userAgentEntry);
    }

    private WorkspaceClient client() {
        DatabricksConfig config = new DatabricksConfig().setHost(host.url()).setAuthType("pat")
                .setToken(accessToken.get()).setHttpTimeoutSeconds(HTTP_TIMEOUT_SECONDS)
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
