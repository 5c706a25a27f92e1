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

import java.util.HashMap;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a databricks: endpoint. The component holds one instance whose values (camel.component.databricks.*)
 * every endpoint starts from; each endpoint works on its own copy. This class holds the query, producer and consumer
 * options; its superclasses the write, retry, auth and connection options (one class per concern, as Camel's own
 * configurations split theirs).
 */
@UriParams
public class DatabricksConfiguration extends DatabricksWriteConfiguration {

    @UriParam(label = "producer")
    private boolean useMessageBodyForSql;

    @UriParam(label = "common", defaultValue = "SelectList")
    private DatabricksOutputType outputType = DatabricksOutputType.SelectList;

    @UriParam(label = "common")
    private String outputClass;

    @UriParam(label = "producer")
    private String outputHeader;

    @UriParam(label = "common")
    private int maxRows;

    @UriParam(label = "common")
    private int fetchSize;

    @UriParam(label = "producer")
    private long maxResultBytes;

    @UriParam(label = "common")
    private int queryTimeout;

    @UriParam(label = "consumer")
    private String onConsume;

    @UriParam(label = "consumer")
    private String onConsumeFailed;

    @UriParam(label = "consumer")
    private String onConsumeBatchComplete;

    @UriParam(label = "consumer")
    private boolean routeEmptyResultSet;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean useIterator = true;

    @UriParam(label = "consumer")
    private int maxMessagesPerPoll;

    public boolean isUseMessageBodyForSql() {
        return useMessageBodyForSql;
    }

    /**
     * Whether to take the SQL from the message body instead of the endpoint.
     */
    public void setUseMessageBodyForSql(boolean useMessageBodyForSql) {
        this.useMessageBodyForSql = useMessageBodyForSql;
    }

    public DatabricksOutputType getOutputType() {
        return outputType;
    }

    /**
     * How a query result is returned: SelectList (a List of Maps), SelectOne (a single value, Map or bean; more than
     * one row is an error) or StreamList (an Iterator of Maps for split().streaming(), released when the exchange
     * completes).
     */
    public void setOutputType(DatabricksOutputType outputType) {
        this.outputType = outputType;
    }

    public String getOutputClass() {
        return outputClass;
    }

    /**
     * A class to map each row to (by setter or field name, case-insensitive) instead of a Map.
     */
    public void setOutputClass(String outputClass) {
        this.outputClass = outputClass;
    }

    public String getOutputHeader() {
        return outputHeader;
    }

    /**
     * Store the query result in this header instead of the message body.
     */
    public void setOutputHeader(String outputHeader) {
        this.outputHeader = outputHeader;
    }

    public int getMaxRows() {
        return maxRows;
    }

    /**
     * The maximum number of rows a query returns (0: no limit).
     */
    public void setMaxRows(int maxRows) {
        this.maxRows = maxRows;
    }

    public long getMaxResultBytes() {
        return maxResultBytes;
    }

    /**
     * The largest result, in estimated bytes of heap, that outputType=SelectList or SelectOne reads whole (0: a quarter
     * of the JVM's maximum heap). A larger result fails as too_large, before the heap runs out, naming
     * outputType=StreamList and maxRows; StreamList results are not limited.
     */
    public void setMaxResultBytes(long maxResultBytes) {
        this.maxResultBytes = maxResultBytes;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    /**
     * The JDBC fetch size hint (0: the driver's default).
     */
    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    public int getQueryTimeout() {
        return queryTimeout;
    }

    /**
     * The statement timeout in seconds (0: none).
     */
    public void setQueryTimeout(int queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public String getOnConsume() {
        return onConsume;
    }

    /**
     * A statement to run after each row was processed successfully, e.g. UPDATE t SET done = true WHERE id = :#id; its
     * :# parameters come from the row.
     */
    public void setOnConsume(String onConsume) {
        this.onConsume = onConsume;
    }

    public String getOnConsumeFailed() {
        return onConsumeFailed;
    }

    /**
     * A statement to run after a row failed processing; its :# parameters come from the row.
     */
    public void setOnConsumeFailed(String onConsumeFailed) {
        this.onConsumeFailed = onConsumeFailed;
    }

    public String getOnConsumeBatchComplete() {
        return onConsumeBatchComplete;
    }

    /**
     * A statement to run after all rows of a poll were processed.
     */
    public void setOnConsumeBatchComplete(String onConsumeBatchComplete) {
        this.onConsumeBatchComplete = onConsumeBatchComplete;
    }

    public boolean isRouteEmptyResultSet() {
        return routeEmptyResultSet;
    }

    /**
     * Whether to send an exchange (with an empty list) when a poll finds no rows.
     */
    public void setRouteEmptyResultSet(boolean routeEmptyResultSet) {
        this.routeEmptyResultSet = routeEmptyResultSet;
    }

    public boolean isUseIterator() {
        return useIterator;
    }

    /**
     * Whether the consumer sends one exchange per row (true) or one exchange with the list of rows.
     */
    public void setUseIterator(boolean useIterator) {
        this.useIterator = useIterator;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The maximum number of rows a poll processes (0: all).
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    /** A copy whose maps can be changed without affecting this instance. */
    public DatabricksConfiguration copy() {
        try {
            DatabricksConfiguration copy = (DatabricksConfiguration) super.clone();
            copy.setJdbcProperties(new HashMap<>(getJdbcProperties()));
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
