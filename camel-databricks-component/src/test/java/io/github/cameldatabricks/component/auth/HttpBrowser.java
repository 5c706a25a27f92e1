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
package io.github.cameldatabricks.component.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A browser stand-in for headless U2M tests: follows the authorize redirect (LocalWarehouse in auto-approve mode) to
 * the component's loopback callback, recording each response status. The real-browser test uses Chromium.
 */
final class HttpBrowser implements BrowserLauncher {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<URI> opened = new CopyOnWriteArrayList<>();
    final List<Integer> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void open(URI url) throws Exception {
        opened.add(url);
        URI next = url;
        for (int hop = 0; hop < 5 && next != null; hop++) {
            HttpResponse<String> response = get(next);
            statuses.add(response.statusCode());
            next = response.statusCode() / 100 == 3
                    ? next.resolve(response.headers().firstValue("Location").orElseThrow()) : null;
        }
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
