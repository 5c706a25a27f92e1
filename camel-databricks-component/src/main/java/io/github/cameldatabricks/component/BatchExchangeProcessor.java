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

import java.util.Iterator;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.ObjectHelper;

import io.github.cameldatabricks.component.batch.BatchWriter;
import io.github.cameldatabricks.component.batch.InvalidBatchElementException;
import io.github.cameldatabricks.component.error.BatchOutcome;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.retry.RetryLoop;
import io.github.cameldatabricks.component.sql.MultiRowInsert;
import io.github.cameldatabricks.component.sql.NamedParameterSql;
import io.github.cameldatabricks.component.sql.ParameterResolver;
import io.github.cameldatabricks.component.sql.QueryResult;
import io.github.cameldatabricks.component.sql.SqlRunner;

/**
 * Runs one exchange with {@code batch=true}: the body's elements through the {@link BatchWriter}, and the headers that
 * say how far it got. After a failure a re-readable body (a List, an Iterable, an array) carries
 * CamelDatabricksBatchSkip, so that a redelivery or a replay resumes after the committed elements.
 */
final class BatchExchangeProcessor {

    private final DatabricksEndpoint endpoint;
    private final BatchWriter writer;
    private final ParameterResolver parameterResolver;
    private final SqlRunner runner;

    BatchExchangeProcessor(DatabricksEndpoint endpoint, BatchWriter writer, ParameterResolver parameterResolver,
            SqlRunner runner) {
        this.endpoint = endpoint;
        this.writer = writer;
        this.parameterResolver = parameterResolver;
        this.runner = runner;
    }

    void process(Exchange exchange, NamedParameterSql sql) throws Exception {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        Iterator<?> elements = body == null ? null : ObjectHelper.createIterator(body, null);
        if (elements == null || body instanceof String || body instanceof Map<?, ?>) {
            throw new IllegalArgumentException("batch=true expects a message body that is a List (or other"
                    + " iterable, an Iterator or a stream) of Maps, one Map of parameter values per statement");
        }
        Long skipHeader = ResumableBody.resumeHeader(exchange, DatabricksConstants.BATCH_SKIP, Long.class, endpoint);
        ResumableBody.claim(exchange, body);
        boolean resumable = !ResumableBody.isOneShot(body);
        MultiRowInsert insert = MultiRowInsert.of(sql).orElse(null);
        int[] attempts = { 0 };
        BatchWriter.Result result;
        try {
            result = writer.write(elements, skipHeader == null ? 0 : skipHeader, insert,
                    values -> parameterResolver.bind(sql, exchange, values), bound -> {
                        RetryLoop.Result<QueryResult> r = endpoint.getRetryLoop().run(false,
                                () -> runner.execute(bound));
                        attempts[0] += r.attempts();
                        return r.value().changedRows("num_affected_rows");
                    });
        } catch (DatabricksException e) {
            BatchOutcome outcome = e.getBatchOutcome();
            markCommitted(exchange, outcome.committed(), resumable);
            message.setHeader(DatabricksConstants.BATCH_FAILED_FROM, outcome.failedFrom());
            message.setHeader(DatabricksConstants.BATCH_FAILED_TO, outcome.failedTo());
            message.setHeader(DatabricksConstants.BATCH_AMBIGUOUS, outcome.ambiguous());
            DatabricksProducer.markFailure(endpoint, exchange, e);
            throw e;
        } catch (InvalidBatchElementException e) {
            markCommitted(exchange, e.getCommitted(), resumable);
            throw e;
        }
        exchange.setProperty(DatabricksConstants.BATCH_COMMITTED, result.elements());
        message.setHeader(DatabricksConstants.BATCH_COMMITTED, result.elements());
        ResumableBody.clearResumeHeader(exchange, DatabricksConstants.BATCH_SKIP);
        message.setHeader(DatabricksConstants.UPDATE_COUNT, result.updateCount());
        message.setHeader(DatabricksConstants.BATCH_STATEMENTS, result.statements());
        message.setHeader(DatabricksConstants.ATTEMPTS, attempts[0]);
    }

    /** Records how far the batch got; for a re-readable body, a redelivery of this message resumes from there. */
    private void markCommitted(Exchange exchange, long committed, boolean resumable) {
        exchange.setProperty(DatabricksConstants.BATCH_COMMITTED, committed);
        exchange.getMessage().setHeader(DatabricksConstants.BATCH_COMMITTED, committed);
        if (resumable) {
            ResumableBody.setResumeHeader(exchange, DatabricksConstants.BATCH_SKIP, committed, endpoint);
        }
    }
}
