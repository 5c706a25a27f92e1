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
package io.github.cameldatabricks.testkit.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.faults.Faults;

/**
 * CloudFetch result files at {@code /localwarehouse/cloudfetch/<token>}, standing in for the presigned cloud-storage
 * URLs of a real warehouse: GET without any Authorization (clients send only the link's {@code httpHeaders}), the token
 * being the only credential. An expired link answers 403 and an unknown or released one 404, with an XML error body as
 * object storage sends. Not in the workspace audit log (cloud storage is not); {@link CloudFetchFiles} counts
 * downloads. Takes the request latency, as any network round trip does, and faults targeted at
 * {@value CloudFetchFiles#DOWNLOAD_ACTION}: error statuses, LATENCY and DROP_CONNECTION.
 */
final class CloudFetchRoute implements Route {

    private final CloudFetchFiles files;
    private final Faults faults;

    CloudFetchRoute(CloudFetchFiles files, Faults faults) {
        this.files = files;
        this.faults = faults;
    }

    @Override
    public boolean matches(String path) {
        return path.startsWith(CloudFetchFiles.PATH);
    }

    @Override
    public boolean takesRequestLatency() {
        return true;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        if (!"GET".equals(ex.getRequestMethod())) {
            storageError(ex, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            return;
        }
        Fault fault = faults.nextForRestRequest(CloudFetchFiles.DOWNLOAD_ACTION);
        if (fault != null) {
            if (fault.type() == FaultType.DROP_CONNECTION) {
                HttpResponses.drop(ex);
                return;
            }
            if (fault.type() == FaultType.LATENCY) {
                sleep(fault.duration().toMillis());
            } else {
                int status = HttpResponses.faultStatus(ex, fault);
                storageError(ex, status, status == 500 ? "InternalError" : "ServiceUnavailable",
                        "Injected fault " + fault.type() + ".");
                return;
            }
        }
        String token = ex.getRequestURI().getPath().substring(CloudFetchFiles.PATH.length());
        CloudFetchFiles.Download download = files.download(token);
        switch (download.status()) {
            case OK -> HttpResponses.send(ex, 200, "application/octet-stream", download.body());
            case EXPIRED -> storageError(ex, 403, "AccessDenied", "Request has expired");
            default -> storageError(ex, 404, "NoSuchKey", "The specified key does not exist.");
        }
    }

    private static void storageError(HttpExchange ex, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>";
        HttpResponses.send(ex, status, "application/xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
