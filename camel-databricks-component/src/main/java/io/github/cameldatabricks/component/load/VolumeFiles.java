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
package io.github.cameldatabricks.component.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.retry.NoRetryStrategyPicker;
import com.databricks.sdk.service.files.FilesAPI;
import com.databricks.sdk.service.files.UploadRequest;

import io.github.cameldatabricks.component.connection.SdkPartnerUserAgent;
import io.github.cameldatabricks.component.error.FilesApiException;
import io.github.cameldatabricks.component.workspace.WorkspaceHost;

/**
 * The Files API calls of a bulk load, through databricks-sdk-java, authenticated with the endpoint's current access
 * token on every request.
 *
 * <p>
 * The SDK client is built directly, not from a resolved {@code DatabricksConfig}: resolving reads the environment and
 * ~/.databrickscfg, where {@code debug_headers} would make the SDK log the Authorization header and a stray profile
 * setting could fail the route. The SDK's own retries are switched off: it would resend an upload's InputStream after
 * the first attempt had consumed it, uploading an empty file. The producer's retry policy retries instead, reopening
 * the local file for every attempt (an upload with overwrite=true to the same name is idempotent).
 */
final class VolumeFiles {

    /** The SDK's marker status for a request that got no answer (an I/O error). */
    private static final int SDK_IO_ERROR = 523;
    private static final int HTTP_TIMEOUT_SECONDS = 300;

    private final FilesAPI files;
    private final Supplier<String> accessToken;

    VolumeFiles(WorkspaceHost host, String userAgentEntry, Supplier<String> accessToken) {
        SdkPartnerUserAgent.register(userAgentEntry);
        ApiClient client = new ApiClient.Builder()
                .withHttpClient(new CommonsHttpClient.Builder().withTimeoutSeconds(HTTP_TIMEOUT_SECONDS).build())
                .withGetHostFunc(unused -> host.url())
                .withGetAuthTypeFunc(unused -> "pat")
                .withAuthenticateFunc(unused -> Map.of("Authorization", "Bearer " + accessToken.get()))
                .withRetryStrategyPicker(new NoRetryStrategyPicker()).build();
        this.files = new FilesAPI(client);
        this.accessToken = accessToken;
    }

    /**
     * Obtains the current access token before a call, so that a failure to get one (an OAuth refresh refused, say)
     * reaches the route as what it is, not as a Files API failure.
     */
    void checkToken() {
        accessToken.get();
    }

    /**
     * Uploads the local file to the volume path, replacing what is there.
     *
     * @throws UncheckedIOException if the local file cannot be read (not a Files API failure: not retried)
     */
    void upload(Path local, String volumePath) throws FilesApiException {
        InputStream in;
        try {
            in = Files.newInputStream(local);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the staged file for " + volumePath + ": " + e.getMessage(), e);
        }
        try (in) {
            files.upload(new UploadRequest().setFilePath(volumePath).setContents(in).setOverwrite(true));
        } catch (RuntimeException e) {
            throw failure("Uploading " + volumePath, e);
        } catch (IOException e) {
            // closing a local file
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file; a file that is already gone is fine. */
    void delete(String volumePath) throws FilesApiException {
        try {
            files.delete(volumePath);
        } catch (RuntimeException e) {
            if (!(e instanceof DatabricksError error && error.getStatusCode() == 404)) {
                throw failure("Deleting " + volumePath, e);
            }
        }
    }

    /** Deletes an empty folder; a folder that is already gone is fine. */
    void deleteFolder(String volumePath) throws FilesApiException {
        try {
            files.deleteDirectory(volumePath);
        } catch (RuntimeException e) {
            if (!(e instanceof DatabricksError error && error.getStatusCode() == 404)) {
                throw failure("Deleting the folder " + volumePath, e);
            }
        }
    }

    /**
     * The SDK's failures as a FilesApiException: an HTTP error by its status and error code; an I/O error (the SDK's
     * status 523, or its DatabricksException "IO error") as status 0 with the I/O cause kept, so a refused connection
     * is told from a lost answer.
     */
    private static FilesApiException failure(String call, RuntimeException e) {
        int status = e instanceof DatabricksError error && error.getStatusCode() != SDK_IO_ERROR
                ? error.getStatusCode() : 0;
        String code = e instanceof DatabricksError error ? error.getErrorCode() : null;
        String what = status == 0 ? "got no answer" : "failed with HTTP " + status + (code == null ? "" : " " + code);
        return new FilesApiException(call + " through the Files API " + what + ": " + e.getMessage(), status, code,
                status == 0 ? e.getCause() : null);
    }
}
