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
package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;

/**
 * A "warehouse" that accepts connections and never answers (a hostile or broken server on loopback): the exchange fails
 * within the configured socket timeout with a classified, explained error instead of hanging or ending as unknown.
 */
class SilentServerTest {

    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (Exception e) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        context = TestContexts.startedWith(Environment.empty());
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAsANetworkErrorWithinTheSocketTimeout() {
        Exchange out = context.createProducerTemplate().request("databricks:SELECT 1?host=http://127.0.0.1:"
                + server.getLocalPort() + "&warehouseId=w1&token=t&maxRetries=0&connectionTimeout=20000"
                + "&jdbc.SocketTimeout=2", e -> {
                });
        DatabricksException e = out.getException(DatabricksException.class);
        assertThat(e).as(String.valueOf(out.getException())).isNotNull();
        assertThat(e.getCategory().value()).isEqualTo("network");
        assertThat(e.getMessage()).contains("no answer");
    }

    /**
     * Stopping the context while an exchange waits on a connection to a server that never answers: the stop does not
     * wait for the connection attempt (HikariCP would wait connectionTimeout, 30 s, for it), and the exchange fails as
     * cancelled, saying the endpoint stopped. The bound below only tells a hang from a prompt stop: the attempt itself
     * would last the socket timeout, 120 s.
     */
    @Test
    void stoppingWhileAConnectionAttemptHangsDoesNotWaitForIt() throws Exception {
        var pending = context.createProducerTemplate().asyncSend("databricks:SELECT 1?host=http://127.0.0.1:"
                + server.getLocalPort() + "&warehouseId=w1&token=t&maxRetries=0&jdbc.SocketTimeout=120", e -> {
                });
        Awaitility.await().until(() -> !held.isEmpty());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> context.stop());
        Exchange out = pending.get(20, TimeUnit.SECONDS);
        DatabricksException e = out.getException(DatabricksException.class);
        assertThat(e).as(String.valueOf(out.getException())).isNotNull();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.CANCELLED);
        assertThat(e.getMessage()).contains("endpoint stopped");
    }
}
