package io.github.cameldatabricks.component.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.UserAgent;
import com.databricks.sdk.core.retry.NoRetryStrategyPicker;
import com.databricks.sdk.service.files.FilesAPI;
import com.databricks.sdk.service.files.UploadRequest;

import io.github.cameldatabricks.component.connection.WorkspaceHost;
import io.github.cameldatabricks.component.error.FilesApiException;

/**
 * The Files API calls of a bulk load, through databricks-sdk-java, authenticated with the endpoint's current access
 * token on every call.
 *
 * <p>The SDK's own retries are switched off: it would resend an upload's InputStream after the first attempt had
 * consumed it, uploading an empty or truncated file. The producer's retry policy retries instead, reopening the
 * local file for every attempt (an upload with overwrite=true to the same name is idempotent).
 */
final class VolumeFiles {

    /** The SDK's marker status for a request that got no answer (an I/O error). */
    private static final int SDK_IO_ERROR = 523;
    private static final int HTTP_TIMEOUT_SECONDS = 300;

    private final FilesAPI files;

    VolumeFiles(WorkspaceHost host, String userAgentEntry, Supplier<String> accessToken) {
        // the SDK's User-Agent is JVM-wide; with_partner is how PWAF asks SDK callers to identify themselves
        UserAgent.withPartner(UserAgent.sanitize(userAgentEntry));
        // the token is asked for per request (below): at start-up there may be none yet (U2M signs in with the
        // first exchange), and it changes as it is refreshed
        DatabricksConfig config = new DatabricksConfig().setHost(host.url()).setAuthType("pat")
                .setToken("per-request").setHttpTimeoutSeconds(HTTP_TIMEOUT_SECONDS).resolve();
        ApiClient client = new ApiClient.Builder().withDatabricksConfig(config)
                .withAuthenticateFunc(unused -> Map.of("Authorization", "Bearer " + accessToken.get()))
                .withRetryStrategyPicker(new NoRetryStrategyPicker()).build();
        this.files = new FilesAPI(client);
    }

    /** Uploads the local file to the volume path, replacing what is there. */
    void upload(Path local, String volumePath) throws FilesApiException {
        try (InputStream in = Files.newInputStream(local)) {
            files.upload(new UploadRequest().setFilePath(volumePath).setContents(in).setOverwrite(true));
        } catch (DatabricksError e) {
            throw failure("Uploading " + volumePath, e);
        } catch (IOException e) {
            throw new FilesApiException("Cannot read the staged file for " + volumePath + ": " + e.getMessage(), 0,
                    null, e);
        }
    }

    /** Deletes a file; a file that is already gone is fine. */
    void delete(String volumePath) throws FilesApiException {
        try {
            files.delete(volumePath);
        } catch (DatabricksError e) {
            if (e.getStatusCode() != 404) {
                throw failure("Deleting " + volumePath, e);
            }
        }
    }

    /** Deletes an empty folder; a folder that is already gone is fine. */
    void deleteFolder(String volumePath) throws FilesApiException {
        try {
            files.deleteDirectory(volumePath);
        } catch (DatabricksError e) {
            if (e.getStatusCode() != 404) {
                throw failure("Deleting the folder " + volumePath, e);
            }
        }
    }

    private static FilesApiException failure(String call, DatabricksError e) {
        int status = e.getStatusCode() == SDK_IO_ERROR ? 0 : e.getStatusCode();
        String what = status == 0 ? "got no answer" : "failed with HTTP " + status
                + (e.getErrorCode() == null ? "" : " " + e.getErrorCode());
        // the cause is kept only for I/O errors: the SDK's HTTP errors are classified by status, not by type
        return new FilesApiException(call + " through the Files API " + what + ": " + e.getMessage(), status,
                e.getErrorCode(), status == 0 ? e.getCause() : null);
    }
}
