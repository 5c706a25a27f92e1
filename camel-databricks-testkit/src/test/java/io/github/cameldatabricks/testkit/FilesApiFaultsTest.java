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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import com.databricks.sdk.service.files.UploadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.audit.AuditEvent;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** Faults targeted at Files API actions, the persistent request latency, and random faults for REST actions. */
class FilesApiFaultsTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    private static List<Integer> putStatuses(String path) {
        return WAREHOUSE.audit().events(e -> e.actionName().equals("filesPut")
                && path.equals(e.requestParams().get("path"))).stream().map(AuditEvent::statusCode).toList();
    }

    @Test
    void serviceUnavailableOnUploadThenSuccessOnRetry() throws Exception {
        String path = TestVolumes.newVolume(warehouse(), "retry") + "/batch.json";
        WAREHOUSE.faults().inject(Fault.serviceUnavailable(1).onlyFor("filesPut"), 1);
        byte[] body = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = TestVolumes.send(warehouse(), "PUT", "/api/2.0/fs/files" + path, body);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(first.body()).contains("TEMPORARILY_UNAVAILABLE");
        assertThat(TestVolumes.local(warehouse(), path)).doesNotExist();
        assertThat(TestVolumes.send(warehouse(), "PUT", "/api/2.0/fs/files" + path, body).statusCode()).isEqualTo(204);
        assertThat(Files.readAllBytes(TestVolumes.local(warehouse(), path))).isEqualTo(body);
        assertThat(putStatuses(path)).containsExactly(503, 204);
        assertThat(WAREHOUSE.faults().triggered(FaultType.SERVICE_UNAVAILABLE)).isPositive();
    }

    /**
     * Documents a pitfall of databricks-sdk-java 0.141.0 that LocalWarehouse reproduces: the SDK retries a 503 itself,
     * but sends the retry with the InputStream the first attempt consumed, so an empty file is stored. A caller that
     * retries uploads must disable or bypass the SDK's retry and open a fresh stream per attempt.
     */
    @Test
    void theSdkRetriesAnUploadWithItsAlreadyConsumedStream() throws Exception {
        String path = TestVolumes.newVolume(warehouse(), "sdkretry") + "/batch.json";
        WAREHOUSE.faults().inject(Fault.serviceUnavailable(1).onlyFor("filesPut"), 1);
        TestVolumes.sdk(warehouse()).files().upload(new UploadRequest().setFilePath(path)
                .setContents(new ByteArrayInputStream("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(putStatuses(path)).containsExactly(503, 204);
        assertThat(Files.size(TestVolumes.local(warehouse(), path))).isZero();
    }

    @Test
    void executeThenDropStoresTheUploadButAnswersNothing() throws Exception {
        String path = TestVolumes.newVolume(warehouse(), "ambiguous") + "/batch.json";
        WAREHOUSE.faults().inject(Fault.executeThenDrop().onlyFor("filesPut"), 1);
        assertThatThrownBy(() -> TestVolumes.send(warehouse(), "PUT", "/api/2.0/fs/files" + path,
                "stored".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThat(TestVolumes.local(warehouse(), path)).hasContent("stored");
        assertThat(putStatuses(path)).containsExactly(0);
    }

    @Test
    void droppedConnectionStoresNothing() throws Exception {
        String path = TestVolumes.newVolume(warehouse(), "dropped") + "/batch.json";
        WAREHOUSE.faults().inject(Fault.dropConnection().onlyFor("filesPut"), 1);
        assertThatThrownBy(() -> TestVolumes.send(warehouse(), "PUT", "/api/2.0/fs/files" + path,
                "lost".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThat(TestVolumes.local(warehouse(), path)).doesNotExist();
    }

    @Test
    void errorFaultsAnswerWithTheirStatusAndOnlyTheirAction() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "status");
        TestVolumes.write(warehouse(), volume + "/f.txt", "f");
        WAREHOUSE.faults().inject(Fault.rateLimited(2).onlyFor("filesGet"), 1);
        HttpResponse<String> head = TestVolumes.send(warehouse(), "HEAD", "/api/2.0/fs/files" + volume + "/f.txt",
                null);
        assertThat(head.statusCode()).isEqualTo(200);
        HttpResponse<String> get = TestVolumes.send(warehouse(), "GET", "/api/2.0/fs/files" + volume + "/f.txt", null);
        assertThat(get.statusCode()).isEqualTo(429);
        assertThat(get.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(TestVolumes.send(warehouse(), "GET", "/api/2.0/fs/files" + volume + "/f.txt", null).body())
                .isEqualTo("f");
    }

    @Test
    void requestLatencyDelaysEveryRequestUntilCleared() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "slow");
        WAREHOUSE.faults().setRequestLatency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(TestVolumes.send(warehouse(), "HEAD", "/api/2.0/fs/directories" + volume, null).statusCode())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(WAREHOUSE.faults().pending()).isZero();
        WAREHOUSE.faults().clear();
        assertThat(WAREHOUSE.faults().requestLatency()).isZero();
    }

    @Test
    void requestLatencyIsSetThroughTheAdminApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(warehouse().baseUrl()
                + "/localwarehouse/admin/latency")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":50}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(WAREHOUSE.faults().requestLatency()).isEqualTo(Duration.ofMillis(50));
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(warehouse().baseUrl()
                + "/localwarehouse/admin/latency")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":-1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        // a cross-site text/plain POST (no CORS preflight) is refused
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(warehouse().baseUrl()
                + "/localwarehouse/admin/latency")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":60}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(WAREHOUSE.faults().requestLatency()).isEqualTo(Duration.ofMillis(50));
        http.send(HttpRequest.newBuilder(URI.create(warehouse().baseUrl() + "/localwarehouse/admin/faults")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(WAREHOUSE.faults().requestLatency()).isZero();
    }

    @Test
    void randomFaultsReachRestActionsOnlyWhenTargeted() {
        Faults targeted = new Faults().injectRandomly(3, 1.0, Fault.serviceUnavailable(1).onlyFor("filesPut"));
        assertThat(targeted.nextForRestRequest("filesPut")).isNotNull();
        assertThat(targeted.nextForRestRequest("filesGet")).isNull();
        assertThat(targeted.nextForRequest("ExecuteStatement")).isNull();

        Faults untargeted = new Faults().injectRandomly(3, 1.0, Fault.serviceUnavailable(1));
        assertThat(untargeted.nextForRestRequest("filesPut")).isNull();
        assertThat(untargeted.nextForRequest("ExecuteStatement")).isNotNull();
    }

    @Test
    void theFilesOfADroppedVolumeAreGone() throws Exception {
        String volume = TestVolumes.newVolume(warehouse(), "gone");
        TestVolumes.write(warehouse(), volume + "/f.txt", "f");
        var file = TestVolumes.local(warehouse(), volume + "/f.txt");
        assertThat(warehouse().volumes().drop("main", "default", volume.substring(volume.lastIndexOf('/') + 1)))
                .isTrue();
        assertThat(Files.exists(file)).isFalse();
    }
}
