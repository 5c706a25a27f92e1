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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.sql.BoundStatement;
import io.github.cameldatabricks.component.sql.NamedParameterSql;
import io.github.cameldatabricks.component.sql.ParameterResolver;
import io.github.cameldatabricks.component.sql.QueryResult;
import io.github.cameldatabricks.component.sql.SqlRunner;
import io.github.cameldatabricks.component.sql.StatementOptions;

/**
 * Polls the endpoint's query on the scheduler and routes one exchange per row (or one with all rows), then runs
 * {@code onConsume} or {@code onConsumeFailed} for each row, with the row's columns as {@code :#} parameters, and
 * {@code onConsumeBatchComplete} after the poll.
 */
public class DatabricksConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksConsumer.class);

    private record Polled(Exchange exchange, Map<String, Object> row) {
    }

    private final DatabricksEndpoint endpoint;
    private final DatabricksConfiguration configuration;
    private final ParameterResolver parameterResolver = new ParameterResolver();
    private NamedParameterSql onConsume;
    private NamedParameterSql onConsumeFailed;
    private NamedParameterSql onConsumeBatchComplete;
    private SqlRunner queryRunner;
    private SqlRunner updateRunner;
    private Function<Map<String, Object>, Object> rowConverter;

    public DatabricksConsumer(DatabricksEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        onConsume = parseOptional(configuration.getOnConsume());
        onConsumeFailed = parseOptional(configuration.getOnConsumeFailed());
        onConsumeBatchComplete = parseOptional(configuration.getOnConsumeBatchComplete());
    }

    private static NamedParameterSql parseOptional(String sql) {
        return sql == null || sql.isBlank() ? null : NamedParameterSql.parse(sql.trim());
    }

    @Override
    protected void doStart() throws Exception {
        int maxRows = configuration.getMaxRows();
        if (configuration.getMaxMessagesPerPoll() > 0) {
            maxRows = maxRows > 0 ? Math.min(maxRows, configuration.getMaxMessagesPerPoll())
                    : configuration.getMaxMessagesPerPoll();
        }
        queryRunner = new SqlRunner(endpoint.getDataSource(), new StatementOptions(maxRows,
                configuration.getFetchSize(), configuration.getQueryTimeout(), configuration.getMaxResultBytes()));
        updateRunner = new SqlRunner(endpoint.getDataSource(), new StatementOptions(0, 0,
                configuration.getQueryTimeout(), configuration.getMaxResultBytes()));
        rowConverter = DatabricksProducer.rowConverter(endpoint);
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        Exchange template = createExchange(false);
        BoundStatement bound;
        try {
            bound = parameterResolver.bind(endpoint.getParsedQuery(), template, Map.of());
        } finally {
            releaseExchange(template, false);
        }
        QueryResult result = endpoint.getRetryLoop().run(endpoint.getParsedQuery().isReadOnly(),
                () -> queryRunner.execute(bound)).value();
        List<Map<String, Object>> rows = result.isQuery() ? result.rows() : List.of();
        Queue<Object> polled = new ArrayDeque<>();
        if (configuration.isUseIterator()) {
            for (Map<String, Object> row : rows) {
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(rowConverter.apply(row));
                polled.add(new Polled(exchange, row));
            }
        }
        if (!configuration.isUseIterator() && !rows.isEmpty() || rows.isEmpty()
                && configuration.isRouteEmptyResultSet()) {
            Exchange exchange = createExchange(false);
            List<Object> body = new ArrayList<>(rows.size());
            rows.forEach(row -> body.add(rowConverter.apply(row)));
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(DatabricksConstants.ROW_COUNT, rows.size());
            polled.add(new Polled(exchange, null));
        }
        return processBatch(polled);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        if (maxMessagesPerPoll > 0 && total > maxMessagesPerPoll) {
            LOG.debug("Limiting to maximum messages to poll {} as there are {} rows", maxMessagesPerPoll, total);
            total = maxMessagesPerPoll;
        }
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Polled polled = (Polled) exchanges.poll();
            Exchange exchange = polled.exchange();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            afterRow(exchange, polled.row());
            processed++;
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing exchange", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
        if (onConsumeBatchComplete != null && processed > 0) {
            runQuietly(onConsumeBatchComplete, null, Map.of(), "onConsumeBatchComplete");
        }
        return processed;
    }

    private void afterRow(Exchange exchange, Map<String, Object> row) {
        NamedParameterSql statement = exchange.isFailed() ? onConsumeFailed : onConsume;
        if (statement != null) {
            runQuietly(statement, exchange, row == null ? Map.of() : row,
                    exchange.isFailed() ? "onConsumeFailed" : "onConsume");
        }
    }

    private void runQuietly(NamedParameterSql statement, Exchange exchange, Map<String, Object> row, String option) {
        Exchange context = exchange != null ? exchange : createExchange(false);
        try {
            BoundStatement bound = parameterResolver.bind(statement, context, row);
            QueryResult result = endpoint.getRetryLoop().run(statement.isReadOnly(),
                    () -> updateRunner.execute(bound)).value();
            LOG.debug("{} updated {} rows", option, result.updateCount());
        } catch (Exception e) {
            getExceptionHandler().handleException("Error running " + option, context, e);
        } finally {
            if (exchange == null) {
                releaseExchange(context, false);
            }
        }
    }

    @Override
    public String toString() {
        return "DatabricksConsumer[" + EndpointUriMasking.mask(endpoint.getEndpointUri()) + "]";
    }
}
