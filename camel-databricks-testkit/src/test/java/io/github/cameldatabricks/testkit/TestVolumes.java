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
package io.github.cameldatabricks.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;

import io.github.cameldatabricks.testkit.volumes.VolumePath;

/** Helpers for tests of volumes, the Files API and COPY INTO. */
final class TestVolumes {

    private TestVolumes() {
    }

    /** A volume {@code main.default.<prefix>_<random>}, created through the Java API; returns its path. */
    static String newVolume(LocalWarehouse warehouse, String prefix) {
        String name = Jdbc.uniqueTable(prefix);
        warehouse.volumes().create("main", "default", name);
        return "/Volumes/main/default/" + name;
    }

    /** Where a volume path is on disk. */
    static Path local(LocalWarehouse warehouse, String volumePath) {
        return warehouse.volumes().resolve(VolumePath.parse(volumePath)).orElseThrow();
    }

    /** Writes a file straight into a volume (no HTTP), creating parent directories. */
    static void write(LocalWarehouse warehouse, String volumePath, String content) throws IOException {
        Path file = local(warehouse, volumePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** databricks-sdk-java, authenticated with the warehouse's personal access token. */
    static WorkspaceClient sdk(LocalWarehouse warehouse) {
        return new WorkspaceClient(new DatabricksConfig().setHost(warehouse.baseUrl()).setAuthType("pat")
                .setToken(warehouse.token()));
    }

    /** A raw Files API request; {@code rawPath} is sent as given (already encoded). */
    static HttpResponse<String> send(LocalWarehouse warehouse, String method, String rawPath, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(warehouse.baseUrl() + rawPath))
                .header("Authorization", "Bearer " + warehouse.token())
                .method(method, publisher).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
