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
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * The polling consumer on several nodes (docs/several-instances.md): two Camel contexts, each with the same outbox
 * route under a {@link ClusteredRoutePolicy} and a {@link FileLockClusterService} over one shared directory, consume
 * one table; only the leader's route runs, so each row is processed once, also when the leader stops part-way.
 */
class SeveralInstancesTest {

    private static final int ROWS = 200;
    private static final Path DOC = Path.of("../docs/several-instances.md");
    private static final Path YAML_ROUTE = Path.of("src/test/resources/routes/outbox-leader.yaml");

    /** One warehouse per test, so that each test starts with its own main.app.outbox. */
    @RegisterExtension
    final LocalWarehouseExtension warehouse = new LocalWarehouseExtension(LocalWarehouse.builder().sampleRows(0));

    @TempDir
    Path clusterRoot;

    private record Processed(String node, int id) {
    }

    private final Queue<Processed> processed = new ConcurrentLinkedQueue<>();
    private final List<CamelContext> nodes = new ArrayList<>();
    /** When set, the node that publishes the row after this many stops itself. */
    private volatile int stopAfter;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** The Java DSL route of docs/several-instances.md, run as it is printed there. */
    static final class OutboxRoute extends RouteBuilder {
        @Override
        public void configure() throws Exception {
            // @formatter:off (printed as is in docs/several-instances.md)
            // docs:begin java-route
            from("databricks:SELECT id, payload FROM main.app.outbox WHERE status = 'NEW' ORDER BY id"
                    + "?onConsume=UPDATE main.app.outbox SET status = 'DONE' WHERE id = :#id&delay=1000")
                .routeId("outbox")
                .routePolicy(ClusteredRoutePolicy.forNamespace("outbox"))
                .to("direct:publish");
            // docs:end
            // @formatter:on
        }
    }

    /** The active-active route of docs/several-instances.md: each node claims a row before it publishes it. */
    static final class ClaimingOutboxRoute extends RouteBuilder {
        @Override
        public void configure() throws Exception {
            // @formatter:off (printed as is in docs/several-instances.md)
            // docs:begin java-claim-route
            from("databricks:SELECT id, payload FROM main.app.outbox WHERE status = 'NEW' ORDER BY id"
                    + "?onConsume=UPDATE main.app.outbox SET status = 'DONE'"
                    + " WHERE id = :#id AND claimed_by = :#${camelId}&delay=1000")
                .routeId("outbox")
                .to("databricks:UPDATE main.app.outbox SET status = 'CLAIMED', claimed_by = :#${camelId}"
                    + " WHERE id = :#id AND status = 'NEW'")
                .filter(header("CamelDatabricksUpdateCount").isEqualTo(1))
                    .to("direct:publish");
            // docs:end
            // @formatter:on
        }
    }

    @BeforeEach
    void outbox() throws SQLException {
        sql("CREATE SCHEMA IF NOT EXISTS main.app");
        sql("CREATE TABLE main.app.outbox (id INT, payload STRING, status STRING, claimed_by STRING)");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            values.append(i > 1 ? "," : "").append("(").append(i).append(", 'p").append(i).append("', 'NEW', NULL)");
        }
        sql("INSERT INTO main.app.outbox VALUES " + values);
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(CamelContext::stop);
    }

    @Test
    void twoNodesWithTheJavaRouteProcessEachRowOnce() throws Exception {
        CamelContext a = node("node-a", this::javaRoute);
        CamelContext b = node("node-b", this::javaRoute);

        awaitEveryRowConsumed(a, b);

        assertEachRowProcessedOnce();
        assertThat(List.of(a, b)).as("one node, the leader, runs the outbox route; the other leaves it stopped")
                .filteredOn(node -> node.getRouteController().getRouteStatus("outbox") == ServiceStatus.Started)
                .hasSize(1);
    }

    @Test
    void twoNodesWithTheYamlRouteProcessEachRowOnce() throws Exception {
        CamelContext a = node("node-a", this::yamlRoute);
        CamelContext b = node("node-b", this::yamlRoute);

        awaitEveryRowConsumed(a, b);

        assertEachRowProcessedOnce();
        assertThat(processed).extracting(Processed::node).as("the leader alone").hasSameElementsAs(
                List.of(processed.peek().node()));
    }

    @Test
    void whenTheLeaderStopsPartWayTheOtherNodeTakesOverAndStillEachRowIsProcessedOnce() throws Exception {
        // the node that processes the 51st row stops itself (asynchronously, as a pod being terminated would): the
        // rest of its poll is left unprocessed and the other node, now the leader, picks it up
        stopAfter = 50;
        CamelContext a = node("node-a", this::yamlRoute);
        CamelContext b = node("node-b", this::yamlRoute);

        await().atMost(Duration.ofSeconds(60)).until(() -> a.isStopped() || b.isStopped());
        CamelContext stopped = a.isStopped() ? a : b;
        CamelContext survivor = stopped == a ? b : a;
        awaitEveryRowConsumed(survivor);

        assertEachRowProcessedOnce();
        Map<String, Long> perNode = processed.stream()
                .collect(Collectors.groupingBy(Processed::node, Collectors.counting()));
        assertThat(perNode.get(stopped.getName())).as("the first leader processed rows until it stopped")
                .isGreaterThan(50L).isLessThan(ROWS);
        assertThat(perNode.get(survivor.getName())).as("the other node took over the rest")
                .isEqualTo(ROWS - perNode.get(stopped.getName()));
    }

    @Test
    void withoutLeaderElectionTwoNodesThatClaimEachRowBeforePublishingItProcessEachRowOnce() throws Exception {
        CamelContext a = node("node-a", node -> node.addRoutes(new ClaimingOutboxRoute()));
        CamelContext b = node("node-b", node -> node.addRoutes(new ClaimingOutboxRoute()));

        awaitEveryRowConsumed(a, b);

        assertEachRowProcessedOnce();
        assertThat(List.of(a, b)).as("both nodes run the outbox route")
                .allMatch(node -> node.getRouteController().getRouteStatus("outbox") == ServiceStatus.Started);
        for (Processed row : processed) {
            assertThat(scalar("SELECT claimed_by FROM main.app.outbox WHERE id = " + row.id()))
                    .as("row %s is claimed by the node that published it", row.id()).isEqualTo(row.node());
        }
    }

    @Test
    void theGuideShowsTheRoutesTheseTestsRun() throws Exception {
        String doc = Files.readString(DOC);
        assertThat(doc).contains(Files.readString(YAML_ROUTE));
        assertThat(doc).contains(snippet("java-route"));
        assertThat(doc).contains(snippet("java-claim-route"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private interface Routes {
        void addTo(CamelContext node) throws Exception;
    }

    private void javaRoute(CamelContext node) throws Exception {
        node.addRoutes(new OutboxRoute());
    }

    private void yamlRoute(CamelContext node) throws Exception {
        PluginHelper.getRoutesLoader(node).loadRoutes(ResourceHelper.fromString("outbox-leader.yaml",
                Files.readString(YAML_ROUTE)));
    }

    /**
     * A started node: the databricks component on the test's warehouse, a file-lock cluster service on the shared
     * directory, a direct:publish route that records what it is given, and the outbox route.
     */
    private CamelContext node(String name, Routes outboxRoute) throws Exception {
        CamelContext node = new DefaultCamelContext();
        node.getCamelContextExtension().setName(name);
        nodes.add(node);

        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(Environment.empty());
        component.getConfiguration().setHost(warehouse.warehouse().baseUrl());
        component.getConfiguration().setHttpPath(warehouse.warehouse().httpPath());
        component.getConfiguration().setToken(warehouse.warehouse().token());
        node.addComponent("databricks", component);

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(clusterRoot.toString());
        cluster.setAcquireLockDelay(100);
        cluster.setAcquireLockDelayUnit(TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200);
        cluster.setAcquireLockIntervalUnit(TimeUnit.MILLISECONDS);
        node.addService(cluster);

        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").routeId("publish").process(exchange -> {
                    if (stopAfter > 0 && processed.size() >= stopAfter && stopping.compareAndSet(false, true)) {
                        CamelContext self = exchange.getContext();
                        new Thread(self::stop, "stop-" + self.getName()).start();
                    }
                    processed.add(new Processed(exchange.getContext().getName(),
                            (Integer) exchange.getMessage().getBody(Map.class).get("id")));
                });
            }
        });
        outboxRoute.addTo(node);
        node.start();
        return node;
    }

    /**
     * Waits until every row is marked DONE and then until each running outbox consumer has completed two more polls, so
     * that whatever a poll had read before the last row was marked has been processed too.
     */
    private void awaitEveryRowConsumed(CamelContext... candidates) throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> (Long) scalar("SELECT count(*) FROM main.app.outbox WHERE status = 'DONE'") == ROWS);
        for (CamelContext node : candidates) {
            Route route = node.getRoute("outbox");
            if (node.isStarted() && node.getRouteController().getRouteStatus("outbox") == ServiceStatus.Started) {
                DatabricksConsumer consumer = (DatabricksConsumer) route.getConsumer();
                long polls = consumer.getSuccessCounter();
                await().atMost(Duration.ofSeconds(60)).until(() -> consumer.getSuccessCounter() >= polls + 2);
            }
        }
    }

    private void assertEachRowProcessedOnce() throws SQLException {
        List<Integer> ids = processed.stream().map(Processed::id).toList();
        assertThat(ids).as("processed ids across both nodes").hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, ROWS).boxed().toList());
        assertThat(scalar("SELECT count(*) FROM main.app.outbox WHERE status = 'DONE'")).isEqualTo((long) ROWS);
    }

    /** The lines between {@code // docs:begin name} and {@code // docs:end} of this file, de-indented. */
    private static String snippet(String name) throws Exception {
        List<String> lines = Files.readAllLines(
                Path.of("src/test/java/io/github/cameldatabricks/component/SeveralInstancesTest.java"));
        int begin = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// docs:begin " + name)) {
                begin = i + 1;
                break;
            }
        }
        int end = begin;
        while (!lines.get(end).trim().equals("// docs:end")) {
            end++;
        }
        List<String> body = lines.subList(begin, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(warehouse.warehouse().jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Object scalar(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(warehouse.warehouse().jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
