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
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;

import io.github.cameldatabricks.testkit.auth.AuthResult;
import io.github.cameldatabricks.testkit.auth.Authenticator;
import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.faults.FaultType;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.volumes.VolumePath;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * The Files API subset for Unity Catalog volumes: {@code /api/2.0/fs/files/Volumes/...} (PUT, GET, HEAD, DELETE) and
 * {@code /api/2.0/fs/directories/Volumes/...} (GET, PUT, HEAD, DELETE). Authenticated like the other REST APIs and
 * audited as service {@code filesystem} with the actions {@code filesPut}, {@code filesGet}, {@code filesHead},
 * {@code filesDelete}, {@code directoriesList}, {@code directoriesCreate}, {@code directoriesHead},
 * {@code directoriesDelete} and the parameter {@code path}. Takes faults targeted at those actions: error statuses,
 * LATENCY, DROP_CONNECTION (nothing stored) and EXECUTE_THEN_DROP (the request completes, e.g. the upload is stored,
 * and then the connection is closed without a response).
 */
final class FilesApiRoute implements Route {

    static final String FILES = "/api/2.0/fs/files";
    static final String DIRECTORIES = "/api/2.0/fs/directories";

    private final Authenticator authenticator;
    private final Faults faults;
    private final Auditor auditor;
    private final FileRequests files;
    private final DirectoryRequests directories;

    FilesApiRoute(VolumeStore volumes, Authenticator authenticator, Faults faults, Auditor auditor) {
        this.authenticator = authenticator;
        this.faults = faults;
        this.auditor = auditor;
        this.files = new FileRequests(volumes);
        this.directories = new DirectoryRequests(volumes);
    }

    @Override
    public boolean matches(String path) {
        return path.startsWith(FILES + "/") || path.startsWith(DIRECTORIES + "/");
    }

    @Override
    public boolean takesRequestLatency() {
        return true;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        boolean isFile = rawPath.startsWith(FILES + "/");
        String prefix = isFile ? FILES : DIRECTORIES;
        String action = action(isFile, ex.getRequestMethod());
        Auditor.Entry audit = auditor.begin(ex, "filesystem", action)
                .param("path", FilesApiPaths.decodeLenient(rawPath.substring(prefix.length())));
        try {
            serve(ex, isFile, prefix, action, audit);
        } finally {
            audit.record();
        }
    }

    private void serve(HttpExchange ex, boolean isFile, String prefix, String action, Auditor.Entry audit)
            throws IOException {
        AuthResult auth = authenticator.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
        if (!auth.accepted()) {
            audit.outcome(401, auth.reason());
            FilesApiResponses.error(ex, 401, "UNAUTHENTICATED", auth.reason(), null);
            return;
        }
        audit.identity(auth.principal(), auth.method());
        Fault fault = faults.nextForRestRequest(action);
        boolean dropAfterwards = false;
        if (fault != null) {
            audit.param("injectedFault", fault.type().name());
            if (fault.type() == FaultType.LATENCY) {
                sleep(fault.duration().toMillis());
            } else if (fault.type() == FaultType.DROP_CONNECTION) {
                audit.outcome(0, "connection dropped before processing");
                HttpResponses.drop(ex);
                return;
            } else if (fault.type() == FaultType.EXECUTE_THEN_DROP) {
                dropAfterwards = true;
            } else {
                int status = HttpResponses.faultStatus(ex, fault);
                String message = "Injected fault " + fault.type() + ".";
                audit.outcome(status, message);
                FilesApiResponses.error(ex, status, errorCode(status), message, null);
                return;
            }
        }
        VolumePath path;
        try {
            path = FilesApiPaths.volumePath(ex.getRequestURI().getRawPath(), prefix);
        } catch (IllegalArgumentException e) {
            audit.outcome(400, e.getMessage());
            FilesApiResponses.error(ex, 400, "INVALID_PARAMETER_VALUE", e.getMessage(), null);
            return;
        }
        FilesApiReply reply = isFile ? files.serve(ex, path) : directories.serve(ex, path);
        if (dropAfterwards) {
            audit.outcome(0, "connection dropped after execution (" + reply.status() + ")");
            HttpResponses.drop(ex);
            return;
        }
        audit.outcome(reply.status(), reply.error());
        reply.send(ex);
    }

    static String action(boolean isFile, String method) {
        String verb = switch (method) {
            case "PUT" -> isFile ? "Put" : "Create";
            case "GET" -> isFile ? "Get" : "List";
            case "HEAD" -> "Head";
            case "DELETE" -> "Delete";
            default -> method.isEmpty() ? "" : method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
        };
        return (isFile ? "files" : "directories") + verb;
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 429 -> "REQUEST_LIMIT_EXCEEDED";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 500 -> "INTERNAL_ERROR";
            default -> "TEMPORARILY_UNAVAILABLE";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
