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

import java.sql.SQLDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.batch.BatchLimits;
import io.github.cameldatabricks.component.batch.BatchWriter;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorClassifier;
import io.github.cameldatabricks.component.error.ExecutionPhase;
import io.github.cameldatabricks.component.health.DatabricksProducerHealthCheck;
import io.github.cameldatabricks.component.retry.RetryLoop;
import io.github.cameldatabricks.component.sql.BeanMapper;
import io.github.cameldatabricks.component.sql.BoundStatement;
import io.github.cameldatabricks.component.sql.NamedParameterSql;
import io.github.cameldatabricks.component.sql.ParameterResolver;
import io.github.cameldatabricks.component.sql.QueryResult;
import io.github.cameldatabricks.component.sql.ResultSetIterator;
import io.github.cameldatabricks.component.sql.SqlRunner;
import io.github.cameldatabricks.component.sql.StatementOptions;

/**
 * Runs the endpoint's SQL (or the {@code CamelDatabricksQuery} header, or the body) for each exchange, binding named
 * parameters as JDBC parameters, and puts the rows, the single row or a row iterator in the body (or
 * {@code outputHeader}). With {@code batch=true} the body's elements are written by a {@link BatchExchangeProcessor}; a
 * databricks:load: endpoint hands the body to a {@link LoadExchangeProcessor}.
 */
public class DatabricksProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksProducer.class);

    private final DatabricksEndpoint endpoint;
    private final DatabricksConfiguration configuration;
    private final ParameterResolver parameterResolver = new ParameterResolver();
    private SqlRunner runner;
    private Function<Map<String, Object>, Object> rowConverter;
    private BatchExchangeProcessor batch;
    private LoadExchangeProcessor load;
    private WritableHealthCheckRepository healthCheckRepository;
    private DatabricksProducerHealthCheck healthCheck;

    public DatabricksProducer(DatabricksEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        runner = new SqlRunner(endpoint.getDataSource(), new StatementOptions(configuration.getMaxRows(),
                configuration.getFetchSize(), configuration.getQueryTimeout(), configuration.getMaxResultBytes()));
        rowConverter = rowConverter(endpoint);
        batch = new BatchExchangeProcessor(endpoint, new BatchWriter(new BatchLimits(
                configuration.getBatchChunkParameters(), configuration.getBatchChunkBytes())), parameterResolver,
                runner);
        if (endpoint.getLoadTarget() != null) {
            load = new LoadExchangeProcessor(endpoint, endpoint.newBulkLoader(runner));
        }
        registerHealthCheck();
    }

    /**
     * Adds this producer's health check to Camel's producers repository, as Camel components do; the repository itself
     * is off unless camel.health.producersEnabled=true, and healthCheckProducerEnabled=false turns the check off.
     * Absent when camel-health is not in use or the endpoint has a user DataSource.
     */
    private void registerHealthCheck() {
        DatabricksComponent component = (DatabricksComponent) endpoint.getComponent();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository == null) {
            return;
        }
        healthCheck = endpoint.newProducerHealthCheck(component.nextHealthCheckId(endpoint));
        if (healthCheck == null) {
            return;
        }
        healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
        healthCheckRepository.addHealthCheck(healthCheck);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    static Function<Map<String, Object>, Object> rowConverter(DatabricksEndpoint endpoint) {
        String outputClass = endpoint.getConfiguration().getOutputClass();
        if (outputClass == null || outputClass.isBlank()) {
            return row -> row;
        }
        BeanMapper mapper = new BeanMapper(endpoint.getCamelContext(),
                endpoint.getCamelContext().getClassResolver().resolveClass(outputClass.trim()));
        return mapper::map;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        endpoint.getStatistics().exchange();
        if (load != null) {
            load.process(exchange);
            return;
        }
        NamedParameterSql sql = statementFor(exchange);
        if (configuration.isBatch()) {
            batch.process(exchange, sql);
        } else if (configuration.getOutputType() == DatabricksOutputType.StreamList) {
            stream(exchange, sql);
        } else {
            runMaterialized(exchange, sql);
        }
    }

    private NamedParameterSql statementFor(Exchange exchange) {
        String override = exchange.getMessage().getHeader(DatabricksConstants.QUERY, String.class);
        if (override != null && !override.isBlank()) {
            return NamedParameterSql.parse(override.trim());
        }
        if (configuration.isUseMessageBodyForSql()) {
            String body = exchange.getMessage().getBody(String.class);
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("useMessageBodyForSql=true but the message body holds no SQL");
            }
            return NamedParameterSql.parse(body.trim());
        }
        return endpoint.getParsedQuery();
    }

    private Map<?, ?> parameterSource() {
        // with the SQL in the body, names resolve from headers and variables only
        return configuration.isUseMessageBodyForSql() ? Map.of() : null;
    }

    /**
     * Runs one statement through the endpoint's retry policy; a final failure marks the exchange with its category and
     * retryable flag (headers and properties) before it propagates.
     */
    private <T> T run(Exchange exchange, NamedParameterSql sql, RetryLoop.Attempt<T> attempt)
            throws DatabricksException {
        try {
            RetryLoop.Result<T> result = endpoint.getRetryLoop().run(sql.isReadOnly(),
                    attempt);
            exchange.getMessage().setHeader(DatabricksConstants.ATTEMPTS, result.attempts());
            return result.value();
        } catch (DatabricksException e) {
            markFailure(endpoint, exchange, e);
            throw e;
        }
    }

    static void markFailure(DatabricksEndpoint endpoint, Exchange exchange, DatabricksException e) {
        endpoint.getStatistics().failure(e.getCategory());
        String category = e.getCategory().value();
        exchange.setProperty(DatabricksConstants.ERROR_CATEGORY, category);
        exchange.setProperty(DatabricksConstants.ERROR_RETRYABLE, e.isRetryable());
        exchange.setProperty(DatabricksConstants.ATTEMPTS, e.getAttempts());
        Message message = exchange.getMessage();
        message.setHeader(DatabricksConstants.ERROR_CATEGORY, category);
        message.setHeader(DatabricksConstants.ERROR_RETRYABLE, e.isRetryable());
        message.setHeader(DatabricksConstants.ATTEMPTS, e.getAttempts());
    }

    private void runMaterialized(Exchange exchange, NamedParameterSql sql) throws Exception {
        BoundStatement bound = parameterResolver.bind(sql, exchange, parameterSource());
        LOG.trace("Running {} with {} parameters", sql, bound.values().size());
        QueryResult result = run(exchange, sql, () -> runner.execute(bound));
        Message message = exchange.getMessage();
        if (!result.isQuery()) {
            message.setHeader(DatabricksConstants.UPDATE_COUNT, result.updateCount());
            return;
        }
        List<Map<String, Object>> rows = result.rows();
        message.setHeader(DatabricksConstants.ROW_COUNT, rows.size());
        Object output;
        if (configuration.getOutputType() == DatabricksOutputType.SelectOne) {
            try {
                output = single(rows);
            } catch (SQLDataException e) {
                // classified like any failure, so the category headers and onException rules apply
                DatabricksException classified = DatabricksException.of(ErrorClassifier.classify(e,
                        ExecutionPhase.FETCH), 1, e);
                markFailure(endpoint, exchange, classified);
                throw classified;
            }
        } else {
            List<Object> converted = new ArrayList<>(rows.size());
            rows.forEach(row -> converted.add(rowConverter.apply(row)));
            output = converted;
        }
        setOutput(message, output);
    }

    private Object single(List<Map<String, Object>> rows) throws SQLDataException {
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() > 1) {
            throw new SQLDataException("The query returned " + rows.size() + " rows; outputType=SelectOne expects"
                    + " at most one", "21000");
        }
        Map<String, Object> row = rows.get(0);
        boolean bean = configuration.getOutputClass() != null && !configuration.getOutputClass().isBlank();
        if (!bean && row.size() == 1) {
            return row.values().iterator().next();
        }
        return rowConverter.apply(row);
    }

    private void stream(Exchange exchange, NamedParameterSql sql) throws Exception {
        BoundStatement bound = parameterResolver.bind(sql, exchange, parameterSource());
        ResultSetIterator iterator = run(exchange, sql, () -> runner.stream(bound, rowConverter));
        // the iterator holds a pooled connection: release it whatever happens to the exchange
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange completed) {
                iterator.close();
            }
        });
        setOutput(exchange.getMessage(), iterator);
    }

    private void setOutput(Message message, Object output) {
        if (configuration.getOutputHeader() != null && !configuration.getOutputHeader().isBlank()) {
            message.setHeader(configuration.getOutputHeader(), output);
        } else {
            message.setBody(output);
        }
    }

    @Override
    public String toString() {
        return "DatabricksProducer[" + EndpointUriMasking.mask(endpoint.getEndpointUri()) + "]";
    }
}
