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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The polling consumer: rows as exchanges, onConsume / onConsumeFailed / onConsumeBatchComplete, limits. */
class ConsumerTest extends WarehouseTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private String outbox(int rows) throws Exception {
        String table = newTable("outbox");
        sql("CREATE TABLE " + table + " (id INT, payload STRING, status STRING)");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            values.append(i > 1 ? "," : "").append("(").append(i).append(", 'p").append(i).append("', 'NEW')");
        }
        sql("INSERT INTO " + table + " VALUES " + values);
        return table;
    }

    @Test
    void eachRowIsAnExchangeAndOnConsumeMarksItWithTheRowsOwnId() throws Exception {
        String table = outbox(5);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:SELECT id, payload FROM " + table + " WHERE status = 'NEW' ORDER BY id"
                        + "?onConsume=UPDATE " + table + " SET status = 'DONE' WHERE id = :#id"
                        + "&onConsumeBatchComplete=INSERT INTO " + table + " VALUES (0, 'batch', 'COMPLETE')"
                        + "&initialDelay=0&delay=200")
                        .routeId("outbox").to("mock:rows");
            }
        });
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMinimumMessageCount(5);
        context.start();
        rows.assertIsSatisfied(20_000);
        // onConsume and onConsumeBatchComplete run after each exchange: wait until the first poll has returned
        // (its statements done) and a second poll has completed too (and found nothing left to consume)
        DatabricksConsumer consumer = (DatabricksConsumer) context.getRoute("outbox").getConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getSuccessCounter() >= 2);
        context.getRouteController().stopRoute("outbox");

        assertThat(rows.getExchanges().subList(0, 5)).extracting(e -> e.getMessage().getBody(Map.class).get("id"))
                .containsExactly(1, 2, 3, 4, 5);
        Exchange first = rows.getExchanges().get(0);
        assertThat(first.getProperty(Exchange.BATCH_SIZE)).isEqualTo(5);
        assertThat(rows.getExchanges().get(4).getProperty(Exchange.BATCH_COMPLETE, Boolean.class)).isTrue();
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE status = 'DONE'")).isEqualTo(5L);
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE status = 'NEW'")).isEqualTo(0L);
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE status = 'COMPLETE'"))
                .as("onConsumeBatchComplete ran once: later polls route no rows").isEqualTo(1L);
        assertThat(rows.getReceivedCounter()).as("rows are consumed once: later polls find none").isEqualTo(5);
    }

    @Test
    void aFailedRowRunsOnConsumeFailedInsteadOfOnConsume() throws Exception {
        String table = outbox(3);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:SELECT id FROM " + table + " WHERE status = 'NEW' ORDER BY id"
                        + "?onConsume=UPDATE " + table + " SET status = 'DONE' WHERE id = :#id"
                        + "&onConsumeFailed=UPDATE " + table + " SET status = 'FAILED' WHERE id = :#id"
                        + "&initialDelay=0&delay=200&repeatCount=1")
                        .routeId("fails-on-two")
                        .process(e -> {
                            if (Integer.valueOf(2).equals(e.getMessage().getBody(Map.class).get("id"))) {
                                throw new IllegalStateException("row 2 cannot be processed");
                            }
                        });
            }
        });
        context.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) scalar("SELECT count(*) FROM " + table
                + " WHERE status <> 'NEW'") == 3L);
        assertThat(scalar("SELECT status FROM " + table + " WHERE id = 2")).isEqualTo("FAILED");
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE status = 'DONE'")).isEqualTo(2L);
    }

    @Test
    void maxMessagesPerPollLimitsEachPollAndUseIteratorFalseSendsOneList() throws Exception {
        String table = outbox(7);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:SELECT id FROM " + table + " WHERE status = 'NEW' ORDER BY id"
                        + "?onConsume=UPDATE " + table + " SET status = 'DONE' WHERE id = :#id"
                        + "&maxMessagesPerPoll=3&initialDelay=0&delay=100&repeatCount=1")
                        .routeId("limited").to("mock:limited");
                from("databricks:SELECT id FROM " + table + " ORDER BY id?useIterator=false&initialDelay=0"
                        + "&repeatCount=1").to("mock:list");
            }
        });
        MockEndpoint limited = getMockEndpoint("mock:limited");
        limited.expectedMessageCount(3);
        MockEndpoint list = getMockEndpoint("mock:list");
        list.expectedMessageCount(1);
        context.start();
        MockEndpoint.assertIsSatisfied(context);
        // the last row's onConsume runs after its exchange: wait for the (single) poll to return
        DatabricksConsumer consumer = (DatabricksConsumer) context.getRoute("limited").getConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getSuccessCounter() == 1);
        assertThat(list.getExchanges().get(0).getMessage().getBody(List.class)).hasSize(7);
        assertThat(list.getExchanges().get(0).getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isEqualTo(7);
        assertThat(scalar("SELECT count(*) FROM " + table + " WHERE status = 'DONE'")).isEqualTo(3L);
    }

    @Test
    void routeEmptyResultSetSendsAnEmptyListWhenNothingIsFound() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:SELECT 1 AS x WHERE 1 = 0?routeEmptyResultSet=true&initialDelay=0&repeatCount=1")
                        .to("mock:empty");
                from("databricks:SELECT 1 AS x WHERE 1 = 0?initialDelay=0&repeatCount=1").routeId("nothing")
                        .to("mock:nothing");
            }
        });
        MockEndpoint empty = getMockEndpoint("mock:empty");
        empty.expectedMessageCount(1);
        context.start();
        empty.assertIsSatisfied();
        assertThat(empty.getExchanges().get(0).getMessage().getBody(List.class)).isEmpty();
        DatabricksConsumer nothing = (DatabricksConsumer) context.getRoute("nothing").getConsumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> nothing.getSuccessCounter() == 1);
        assertThat(getMockEndpoint("mock:nothing").getReceivedCounter()).isZero();
    }
}
