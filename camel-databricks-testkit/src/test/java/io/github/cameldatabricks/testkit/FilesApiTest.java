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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.files.CreateDirectoryRequest;
import com.databricks.sdk.service.files.DirectoryEntry;
import com.databricks.sdk.service.files.DownloadResponse;
import com.databricks.sdk.service.files.GetMetadataResponse;
import com.databricks.sdk.service.files.ListDirectoryContentsRequest;
import com.databricks.sdk.service.files.UploadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The Files API subset, through databricks-sdk-java and, where the SDK cannot express it, raw HTTP. */
class FilesApiTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    private static void upload(WorkspaceClient sdk, String path, String content) {
        sdk.files().upload(new UploadRequest().setFilePath(path)
                .setContents(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    }

    private static String read(DownloadResponse response) throws Exception {
        try (InputStream in = response.getContents()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void uploadCreatesParentsAndDownloadsMetadataListsAndDeletes() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "files");
        WorkspaceClient sdk = TestVolumes.sdk(warehouse());
        upload(sdk, volume + "/in/2024/a.json", "{\"id\":1}\n");

        assertThat(read(sdk.files().download(volume + "/in/2024/a.json"))).isEqualTo("{\"id\":1}\n");
        GetMetadataResponse metadata = sdk.files().getMetadata(volume + "/in/2024/a.json");
        assertThat(metadata.getContentLength()).isEqualTo(9L);
        assertThat(metadata.getContentType()).isEqualTo("application/octet-stream");
        assertThat(ZonedDateTime.parse(metadata.getLastModified(), DateTimeFormatter.RFC_1123_DATE_TIME))
                .isBefore(ZonedDateTime.now().plusMinutes(1));

        List<DirectoryEntry> top = new ArrayList<>();
        sdk.files().listDirectoryContents(volume + "/in").forEach(top::add);
        assertThat(top).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("2024");
            assertThat(e.getIsDirectory()).isTrue();
            assertThat(e.getPath()).isEqualTo(volume + "/in/2024/");
        });
        List<DirectoryEntry> files = new ArrayList<>();
        sdk.files().listDirectoryContents(volume + "/in/2024").forEach(files::add);
        assertThat(files).singleElement().satisfies(e -> {
            assertThat(e.getPath()).isEqualTo(volume + "/in/2024/a.json");
            assertThat(e.getFileSize()).isEqualTo(9L);
            assertThat(e.getLastModified()).isPositive();
            assertThat(e.getIsDirectory()).isFalse();
        });

        sdk.files().delete(volume + "/in/2024/a.json");
        assertThatThrownBy(() -> sdk.files().getMetadata(volume + "/in/2024/a.json"))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> sdk.files().delete(volume + "/in/2024/a.json"))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void overwriteIsTheDefaultAndFalseConflicts() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "overwrite");
        WorkspaceClient sdk = TestVolumes.sdk(warehouse());
        upload(sdk, volume + "/f.txt", "one");
        upload(sdk, volume + "/f.txt", "two");
        assertThat(read(sdk.files().download(volume + "/f.txt"))).isEqualTo("two");

        HttpResponse<String> conflict = TestVolumes.send(warehouse(), "PUT",
                "/api/2.0/fs/files" + volume + "/f.txt?overwrite=false", "three".getBytes(StandardCharsets.UTF_8));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("\"error_code\":\"ALREADY_EXISTS\"");
        assertThat(Files.readString(TestVolumes.local(warehouse(), volume + "/f.txt"))).isEqualTo("two");

        HttpResponse<String> created = TestVolumes.send(warehouse(), "PUT",
                "/api/2.0/fs/files" + volume + "/g.txt?overwrite=false", "new".getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(204);
        assertThat(created.body()).isEmpty();
    }

    @Test
    void percentEncodedSegmentsAreDecoded() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "encoded");
        WorkspaceClient sdk = TestVolumes.sdk(warehouse());
        String name = "ä b+c%d#e.json";
        upload(sdk, volume + "/dir with space/" + name, "x");
        assertThat(TestVolumes.local(warehouse(), volume + "/dir with space/" + name)).hasContent("x");
        List<DirectoryEntry> entries = new ArrayList<>();
        sdk.files().listDirectoryContents(volume + "/dir with space").forEach(entries::add);
        assertThat(entries).extracting(DirectoryEntry::getName).containsExactly(name);

        HttpResponse<String> get = TestVolumes.send(warehouse(), "GET",
                "/api/2.0/fs/files" + volume + "/dir%20with%20space/%C3%A4%20b+c%25d%23e.json", null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("x");
    }

    @Test
    void pathsThatLeaveTheVolumeAreRejected() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "escape");
        String other = TestVolumes.newVolume(warehouse(), "victim");
        String otherName = other.substring(other.lastIndexOf('/') + 1);
        byte[] body = "evil".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of(volume + "/../" + otherName + "/x", volume + "/%2E%2E/" + otherName + "/x",
                volume + "/a%2F..%2F..%2Fx", volume + "/./x", volume + "//x", "/etc/passwd", "/Volumes/main/x")) {
            HttpResponse<String> response = TestVolumes.send(warehouse(), "PUT", "/api/2.0/fs/files" + path, body);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).contains("error_code");
        }
        try (var files = Files.walk(warehouse().volumes().root())) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().equals("x")))
                    .isEmpty();
        }
    }

    @Test
    void missingVolumeIs404() throws Exception {
        HttpResponse<String> response = TestVolumes.send(warehouse(), "PUT",
                "/api/2.0/fs/files/Volumes/main/default/no_such_volume/x.json", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error_code\":\"NOT_FOUND\"", "main.default.no_such_volume");
    }

    @Test
    void directoriesAreCreatedListedInPagesAndDeletedWhenEmpty() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "dirs");
        WorkspaceClient sdk = TestVolumes.sdk(warehouse());
        sdk.files().createDirectory(new CreateDirectoryRequest().setDirectoryPath(volume + "/a/b"));
        sdk.files().getDirectoryMetadata(volume + "/a/b");
        for (int i = 0; i < 5; i++) {
            upload(sdk, volume + "/a/f" + i + ".txt", "x");
        }
        List<String> names = new ArrayList<>();
        sdk.files().listDirectoryContents(new ListDirectoryContentsRequest().setDirectoryPath(volume + "/a")
                .setPageSize(2L)).forEach(e -> names.add(e.getName()));
        assertThat(names).containsExactly("b", "f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt");

        HttpResponse<String> notEmpty = TestVolumes.send(warehouse(), "DELETE", "/api/2.0/fs/directories" + volume
                + "/a", null);
        assertThat(notEmpty.statusCode()).isEqualTo(400);
        assertThat(notEmpty.body()).contains("INVALID_PARAMETER_VALUE", "FILES_API_DIRECTORY_IS_NOT_EMPTY");
        sdk.files().deleteDirectory(volume + "/a/b");
        assertThatThrownBy(() -> sdk.files().getDirectoryMetadata(volume + "/a/b"))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void aByteRangeIsServed() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "range");
        TestVolumes.write(warehouse(), volume + "/r.txt", "0123456789");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(warehouse().baseUrl()
                + "/api/2.0/fs/files" + volume + "/r.txt")).header("Authorization", "Bearer " + warehouse().token())
                .header("Range", "bytes=2-4").build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo("234");
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 2-4/10");
    }

    @Test
    void filesApiCallsAreAuditedAndAuthenticated() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "audit");
        upload(TestVolumes.sdk(warehouse()), volume + "/audited.json", "{}");
        List<AuditEvent> puts = WAREHOUSE.audit().events(e -> e.actionName().equals("filesPut")
                && (volume + "/audited.json").equals(e.requestParams().get("path")));
        assertThat(puts).singleElement().satisfies(e -> {
            assertThat(e.serviceName()).isEqualTo("filesystem");
            assertThat(e.statusCode()).isEqualTo(204);
            assertThat(e.principal()).isEqualTo(warehouse().principal());
            assertThat(e.authMethod()).isEqualTo("pat");
        });

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(warehouse().baseUrl()
                + "/api/2.0/fs/directories" + volume)).build();
        HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(WAREHOUSE.audit().events(e -> e.actionName().equals("directoriesList") && e.statusCode() == 401))
                .isNotEmpty();
    }
}
