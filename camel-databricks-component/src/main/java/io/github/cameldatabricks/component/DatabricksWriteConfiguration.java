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

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.github.cameldatabricks.component.load.DatabricksLoadFormat;

/**
 * How the producer writes many rows: batches of parameter sets ({@code batch=true}) and bulk loads through a Unity
 * Catalog volume ({@code databricks:load:<catalog.schema.table>}). Part of {@link DatabricksConfiguration}.
 */
@UriParams
public abstract class DatabricksWriteConfiguration extends DatabricksRetryConfiguration {

    /** databricks-jdbc binds at most this many native parameters in one statement. */
    static final int DRIVER_PARAMETER_LIMIT = 256;

    @UriParam(label = "producer,batch")
    private boolean batch;

    @UriParam(label = "producer,batch", defaultValue = "256")
    private int batchChunkParameters = DRIVER_PARAMETER_LIMIT;

    @UriParam(label = "producer,batch", defaultValue = "1000000")
    private int batchChunkBytes = 1_000_000;

    @UriParam(label = "producer,load")
    private String stagingVolume;

    @UriParam(label = "producer,load", defaultValue = "JSON")
    private DatabricksLoadFormat loadFormat = DatabricksLoadFormat.JSON;

    @UriParam(label = "producer,load", defaultValue = "1000000")
    private int loadFileRows = 1_000_000;

    public boolean isBatch() {
        return batch;
    }

    /**
     * Write the body's elements (a List, Iterable, Iterator or stream of Maps of parameter values), one parameter set
     * each. An INSERT INTO ... VALUES (...) statement with one VALUES group is sent with many rows per statement (see
     * batchChunkParameters and batchChunkBytes); any other statement runs once per element. A failure reports which
     * elements are committed (header CamelDatabricksBatchCommitted).
     */
    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public int getBatchChunkParameters() {
        return batchChunkParameters;
    }

    /**
     * With batch=true and a multi-row INSERT: the most parameter markers in one statement. databricks-jdbc binds up to
     * 256 parameters natively; rows per statement = batchChunkParameters / parameters per row.
     */
    public void setBatchChunkParameters(int batchChunkParameters) {
        this.batchChunkParameters = batchChunkParameters;
    }

    public int getBatchChunkBytes() {
        return batchChunkBytes;
    }

    /**
     * With batch=true and a multi-row INSERT: the most bytes of statement text and parameter values in one statement (a
     * warehouse accepts about 1 MB of parameter values per statement).
     */
    public void setBatchChunkBytes(int batchChunkBytes) {
        this.batchChunkBytes = batchChunkBytes;
    }

    public String getStagingVolume() {
        return stagingVolume;
    }

    /**
     * For databricks:load:&lt;table&gt; endpoints: the Unity Catalog volume (or a folder in one) where the rows are
     * staged as files before COPY INTO loads them, as /Volumes/&lt;catalog&gt;/&lt;schema&gt;/&lt;volume&gt;,
     * optionally followed by /&lt;folder&gt;. The principal needs READ VOLUME and WRITE VOLUME on it.
     */
    public void setStagingVolume(String stagingVolume) {
        this.stagingVolume = stagingVolume;
    }

    public DatabricksLoadFormat getLoadFormat() {
        return loadFormat;
    }

    /**
     * For databricks:load:&lt;table&gt; endpoints whose body is already a file (an InputStream, File, Path or byte
     * array): its format. Rows (Maps or beans) are always staged as newline-delimited JSON.
     */
    public void setLoadFormat(DatabricksLoadFormat loadFormat) {
        this.loadFormat = loadFormat;
    }

    public int getLoadFileRows() {
        return loadFileRows;
    }

    /**
     * For databricks:load:&lt;table&gt; endpoints: the most rows in one staging file; a larger body is staged as
     * several files that one COPY INTO loads.
     */
    public void setLoadFileRows(int loadFileRows) {
        this.loadFileRows = loadFileRows;
    }
}
