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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.cameldatabricks.testkit.http.WorkspaceServer;

/**
 * Runs LocalWarehouse as a standalone process: prints one JSON line to stdout when ready (connection details), logs to
 * stderr, and serves until stopped (SIGINT/SIGTERM).
 *
 * <pre>
 * java -jar camel-databricks-testkit-VERSION-standalone.jar [--port N] [--tls] [--token T] [--rows N]
 *     [--cloud-fetch-threshold ROWS] [--cloud-fetch-file-rows ROWS]
 * </pre>
 */
public final class LocalWarehouseMain {

    private static final String USAGE = "usage: java -jar camel-databricks-testkit-standalone.jar [--port N] [--tls]"
            + " [--token TOKEN] [--rows N] [--warehouse-id ID] [--principal EMAIL] [--cloud-fetch-threshold ROWS]"
            + " [--cloud-fetch-file-rows ROWS]";

    private LocalWarehouseMain() {
    }

    public static void main(String[] args) throws Exception {
        // the standalone jar logs to stderr: stdout carries only the JSON line
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // before anything can create a JDK HTTP server: without it every response waits for a delayed ACK
        WorkspaceServer.enableTcpNoDelay();
        LocalWarehouseConfig.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalWarehouse warehouse = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            warehouse.close();
            stopped.countDown();
        }, "localwarehouse-shutdown"));
        System.out.println(new ObjectMapper().writeValueAsString(describe(warehouse)));
        System.out.flush();
        stopped.await();
    }

    static Map<String, Object> describe(LocalWarehouse w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jdbcUrl", w.jdbcUrl());
        out.put("host", w.host());
        out.put("port", w.port());
        out.put("baseUrl", w.baseUrl());
        out.put("httpPath", w.httpPath());
        out.put("warehouseId", w.warehouseId());
        out.put("token", w.token());
        out.put("principal", w.principal());
        out.put("adminUrl", w.baseUrl() + "/localwarehouse/admin");
        if (w.isTls()) {
            out.put("trustStore", w.trustStore().toString());
            out.put("trustStorePassword", w.trustStorePassword());
            out.put("caCertificatePem", w.caCertificatePem().toString());
        }
        return out;
    }

    static LocalWarehouseConfig.Builder parse(String[] args) {
        LocalWarehouseConfig.Builder b = LocalWarehouse.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--tls" -> b.tls(true);
                case "--port" -> b.port(intValue(arg, value(args, ++i, arg)));
                case "--rows" -> b.sampleRows(intValue(arg, value(args, ++i, arg)));
                case "--token" -> b.token(value(args, ++i, arg));
                case "--warehouse-id" -> b.warehouseId(value(args, ++i, arg));
                case "--principal" -> b.principal(value(args, ++i, arg));
                case "--cloud-fetch-threshold" -> b.cloudFetchThresholdRows(intValue(arg, value(args, ++i, arg)));
                case "--cloud-fetch-file-rows" -> b.cloudFetchRowsPerFile(
                        Math.max(1, intValue(arg, value(args, ++i, arg))));
                case "--help", "-h" -> throw new IllegalArgumentException("LocalWarehouse standalone");
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return b;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a non-negative integer but got '" + value + "'");
        }
    }
}
