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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;

import com.databricks.internal.apache.thrift.TProcessor;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.github.cameldatabricks.testkit.audit.AuditLog;
import io.github.cameldatabricks.testkit.auth.Authenticator;
import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.faults.Faults;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseLifecycle;
import io.github.cameldatabricks.testkit.oidc.Oidc;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * The workspace's HTTP(S) server on 127.0.0.1: SQL endpoint, SQL Warehouses API, Files API, OIDC, CloudFetch result
 * files, and the admin API.
 */
public final class WorkspaceServer implements AutoCloseable {

    /** The JDK server's switch for TCP_NODELAY on accepted connections, read once when its config class loads. */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        enableTcpNoDelay();
    }

    private final HttpServer server;

    /** What the routes need. */
    public record Services(String warehouseId, String workspaceId, TProcessor thrift, Authenticator authenticator,
            Faults faults, WarehouseLifecycle lifecycle, AuditLog audit, Oidc oidc, VolumeStore volumes,
            java.time.Clock clock, CloudFetchFiles cloudFetch) {
    }

    /**
     * Turns on TCP_NODELAY for the JDK HTTP server unless the user decided otherwise. With Nagle's algorithm on, a
     * response written in two parts (headers, then body) waits for the client's delayed ACK: about 40 ms per request.
     * The JDK reads the property once, when {@code sun.net.httpserver.ServerConfig} is first used, so this must run
     * before any JDK HTTP server of the JVM is created.
     */
    public static void enableTcpNoDelay() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private WorkspaceServer(HttpServer server) {
        this.server = server;
    }

    /** Binds 127.0.0.1 (port 0: a free one) and starts serving. */
    public static WorkspaceServer start(int port, SSLContext tls, ExecutorService executor, Services services)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, 128);
        }
        int boundPort = server.getAddress().getPort();
        String scheme = tls != null ? "https" : "http";
        String baseUrl = scheme + "://127.0.0.1:" + boundPort;
        services.oidc().bind(baseUrl);
        // CloudFetch links point at this server, with its scheme and TLS: the driver downloads them with the
        // connection's HTTP client and trust settings, and accepts http:// links too
        services.cloudFetch().bind(baseUrl);
        Auditor auditor = new Auditor(services.audit(), services.clock(), services.warehouseId());
        List<Route> routes = new ArrayList<>();
        routes.add(new ThriftRoute(services.warehouseId(), services.thrift(), services.authenticator(),
                services.faults(), services.lifecycle(), auditor));
        routes.add(new WarehousesApiRoute(services.warehouseId(), "127.0.0.1", boundPort, scheme,
                services.authenticator(), services.lifecycle(), services.faults(), auditor));
        routes.add(new FilesApiRoute(services.volumes(), services.authenticator(), services.faults(), auditor));
        routes.add(new OidcRoute(baseUrl, services.workspaceId(), services.oidc(), auditor, services.faults()));
        routes.add(new CloudFetchRoute(services.cloudFetch(), services.faults()));
        routes.add(new AdminRoute(services.faults(), services.audit(), services.lifecycle()));
        routes.add(new WorkspaceMiscRoute());
        server.createContext("/", new Router(routes, services.faults()));
        server.setExecutor(executor);
        server.start();
        return new WorkspaceServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
