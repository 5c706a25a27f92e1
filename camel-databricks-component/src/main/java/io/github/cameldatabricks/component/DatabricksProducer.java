package io.github.cameldatabricks.component;

import java.sql.SQLDataException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.ObjectHelper;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.cameldatabricks.component.batch.BatchLimits;
import io.github.cameldatabricks.component.batch.BatchWriter;
import io.github.cameldatabricks.component.batch.InvalidBatchElementException;
import io.github.cameldatabricks.component.error.BatchOutcome;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.load.BeanRows;
import io.github.cameldatabricks.component.load.BulkLoader;
import io.github.cameldatabricks.component.load.LoadResult;
import io.github.cameldatabricks.component.retry.RetryingExecutor;
import io.github.cameldatabricks.component.retry.StatementKind;
import io.github.cameldatabricks.component.sql.BeanMapper;
import io.github.cameldatabricks.component.sql.BoundStatement;
import io.github.cameldatabricks.component.sql.MultiRowInsert;
import io.github.cameldatabricks.component.sql.NamedParameterSql;
import io.github.cameldatabricks.component.sql.ParameterResolver;
import io.github.cameldatabricks.component.sql.QueryResult;
import io.github.cameldatabricks.component.sql.ResultSetIterator;
import io.github.cameldatabricks.component.sql.SqlRunner;
import io.github.cameldatabricks.component.sql.StatementOptions;

/**
 * Runs the endpoint's SQL (or the {@code CamelDatabricksQuery} header, or the body) for each exchange, binding
 * named parameters as JDBC parameters, and puts the rows, the single row or a row iterator in the body (or
 * {@code outputHeader}).
 */
public class DatabricksProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksProducer.class);

    private final DatabricksEndpoint endpoint;
    private final DatabricksConfiguration configuration;
    private final ParameterResolver parameterResolver = new ParameterResolver();
    private SqlRunner runner;
    private Function<Map<String, Object>, Object> rowConverter;
    private BatchWriter batchWriter;
    private BulkLoader loader;
    private final BeanRows beanRows = new BeanRows();

    public DatabricksProducer(DatabricksEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        runner = new SqlRunner(endpoint.getDataSource(), new StatementOptions(configuration.getMaxRows(),
                configuration.getFetchSize(), configuration.getQueryTimeout()));
        rowConverter = rowConverter(endpoint);
        batchWriter = new BatchWriter(new BatchLimits(configuration.getBatchChunkParameters(),
                configuration.getBatchChunkBytes()));
        if (endpoint.getLoadTarget() != null) {
            loader = endpoint.newBulkLoader(runner);
        }
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
        if (loader != null) {
            load(exchange);
            return;
        }
        NamedParameterSql sql = statementFor(exchange);
        if (configuration.isBatch()) {
            runBatch(exchange, sql);
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
     * Runs one statement through the endpoint's retry policy; a final failure marks the exchange with its category
     * and retryable flag (headers and properties) before it propagates.
     */
    private <T> T run(Exchange exchange, NamedParameterSql sql, RetryingExecutor.Attempt<T> attempt)
            throws DatabricksException {
        try {
            RetryingExecutor.Result<T> result = endpoint.getExecutor().execute(StatementKind.isReadOnly(sql.text()),
                    attempt);
            exchange.getMessage().setHeader(DatabricksConstants.ATTEMPTS, result.attempts());
            return result.value();
        } catch (DatabricksException e) {
            markFailure(exchange, e);
            throw e;
        }
    }

    static void markFailure(Exchange exchange, DatabricksException e) {
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
            output = single(rows);
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

    private void runBatch(Exchange exchange, NamedParameterSql sql) throws Exception {
        Object body = exchange.getMessage().getBody();
        Iterator<?> elements = body == null ? null : ObjectHelper.createIterator(body, null);
        if (elements == null || body instanceof String || body instanceof Map<?, ?>) {
            throw new IllegalArgumentException("batch=true expects a message body that is a List (or other"
                    + " iterable, an Iterator or a stream) of Maps, one Map of parameter values per statement");
        }
        Message message = exchange.getMessage();
        long skip = message.getHeader(DatabricksConstants.BATCH_SKIP, 0L, Long.class);
        MultiRowInsert insert = MultiRowInsert.of(sql).orElse(null);
        int[] attempts = { 0 };
        BatchWriter.Result result;
        try {
            result = batchWriter.write(elements, skip, insert, values -> parameterResolver.bind(sql, exchange, values),
                    bound -> {
                        RetryingExecutor.Result<QueryResult> r = endpoint.getExecutor().execute(false,
                                () -> runner.execute(bound));
                        attempts[0] += r.attempts();
                        return updateCount(r.value());
                    });
        } catch (DatabricksException e) {
            BatchOutcome outcome = e.getBatchOutcome();
            markCommitted(exchange, outcome.committed());
            message.setHeader(DatabricksConstants.BATCH_FAILED_FROM, outcome.failedFrom());
            message.setHeader(DatabricksConstants.BATCH_FAILED_TO, outcome.failedTo());
            message.setHeader(DatabricksConstants.BATCH_AMBIGUOUS, outcome.ambiguous());
            markFailure(exchange, e);
            throw e;
        } catch (InvalidBatchElementException e) {
            markCommitted(exchange, e.getCommitted());
            throw e;
        }
        markCommitted(exchange, result.elements());
        message.removeHeader(DatabricksConstants.BATCH_SKIP);
        message.setHeader(DatabricksConstants.UPDATE_COUNT, result.updateCount());
        message.setHeader(DatabricksConstants.BATCH_STATEMENTS, result.statements());
        message.setHeader(DatabricksConstants.ATTEMPTS, attempts[0]);
    }

    /**
     * Loads the body through a staging volume. The load id names the staging files: it is the exchange id unless
     * the message already carries one from an earlier attempt, so a redelivery or replay reuses the file names and
     * COPY INTO skips what an earlier attempt loaded.
     */
    private void load(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String loadId = message.getHeader(DatabricksConstants.LOAD_ID, String.class);
        if (loadId == null || loadId.isBlank()) {
            loadId = exchange.getExchangeId().replaceAll("[^A-Za-z0-9_-]", "-");
        } else if (!loadId.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new IllegalArgumentException("Invalid header " + DatabricksConstants.LOAD_ID + ": expected 1 to 128"
                    + " letters, digits, '_' or '-' (it names the staging folder)");
        }
        message.setHeader(DatabricksConstants.LOAD_ID, loadId);
        message.setHeader(DatabricksConstants.STAGING_PATH, loader.stagingFolder(loadId));
        LoadResult result;
        try {
            result = loader.load(message.getBody(), loadId, endpoint.getExecutor(), beanRows::columnValues);
        } catch (DatabricksException e) {
            markFailure(exchange, e);
            throw e;
        }
        message.removeHeader(DatabricksConstants.LOAD_ID);
        message.setHeader(DatabricksConstants.LOADED_ROWS, result.loadedRows());
        message.setHeader(DatabricksConstants.UPDATE_COUNT, result.loadedRows());
        if (result.stagedRows() >= 0) {
            message.setHeader(DatabricksConstants.STAGED_ROWS, result.stagedRows());
        }
    }

    /** Records how far the batch got; after a failure, a redelivery of this message resumes from there. */
    private static void markCommitted(Exchange exchange, long committed) {
        exchange.setProperty(DatabricksConstants.BATCH_COMMITTED, committed);
        exchange.getMessage().setHeader(DatabricksConstants.BATCH_COMMITTED, committed);
        exchange.getMessage().setHeader(DatabricksConstants.BATCH_SKIP, committed);
    }

    /** DML reports its count as an update count, or (some statements) as a num_affected_rows result row. */
    private static long updateCount(QueryResult result) {
        if (!result.isQuery()) {
            return Math.max(0, result.updateCount());
        }
        if (result.rows().isEmpty()) {
            return 0;
        }
        Object affected = result.rows().get(0).get("num_affected_rows");
        return affected instanceof Number n ? n.longValue() : 0;
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
