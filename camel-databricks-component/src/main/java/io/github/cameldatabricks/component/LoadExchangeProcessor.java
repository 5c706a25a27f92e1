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

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.load.BeanRows;
import io.github.cameldatabricks.component.load.BulkLoader;
import io.github.cameldatabricks.component.load.LoadResult;

/**
 * Runs one exchange on a databricks:load: endpoint. The load id names the message's staging files: a new random id
 * unless the message carries one from an earlier attempt at this endpoint, so that a redelivery or a replay reuses the
 * file names and COPY INTO skips what an earlier attempt loaded — while two loads of different data never share names
 * (COPY INTO would skip the second as already loaded).
 */
final class LoadExchangeProcessor {

    private final DatabricksEndpoint endpoint;
    private final BulkLoader loader;
    private final BeanRows beanRows = new BeanRows();

    LoadExchangeProcessor(DatabricksEndpoint endpoint, BulkLoader loader) {
        this.endpoint = endpoint;
        this.loader = loader;
    }

    void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String loadId = ResumableBody.resumeHeader(exchange, DatabricksConstants.LOAD_ID, String.class, endpoint);
        if (loadId == null || loadId.isBlank()) {
            loadId = UUID.randomUUID().toString();
        } else if (!loadId.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new IllegalArgumentException("Invalid header " + DatabricksConstants.LOAD_ID + ": expected 1 to 128"
                    + " letters, digits, '_' or '-' (it names the staging folder)");
        }
        Object body = body(message);
        ResumableBody.claim(exchange, body);
        ResumableBody.setResumeHeader(exchange, DatabricksConstants.LOAD_ID, loadId, endpoint);
        message.setHeader(DatabricksConstants.STAGING_PATH, loader.stagingFolder(loadId));
        LoadResult result;
        try {
            result = loader.load(body, loadId, endpoint.getRetryLoop(), beanRows::columnValues);
        } catch (DatabricksException e) {
            DatabricksProducer.markFailure(endpoint, exchange, e);
            throw e;
        }
        ResumableBody.clearResumeHeader(exchange, DatabricksConstants.LOAD_ID);
        message.setHeader(DatabricksConstants.LOADED_ROWS, result.loadedRows());
        message.setHeader(DatabricksConstants.UPDATE_COUNT, result.loadedRows());
        if (result.stagedRows() >= 0) {
            message.setHeader(DatabricksConstants.STAGED_ROWS, result.stagedRows());
        }
    }

    /** A remote Camel file (FTP, SFTP, ...) is read as a stream; a local one is uploaded from disk. */
    private static Object body(Message message) {
        Object body = message.getBody();
        if (body instanceof WrappedFile<?> wrapped && !(wrapped.getFile() instanceof File)
                && !(wrapped.getFile() instanceof Path)) {
            return message.getBody(InputStream.class);
        }
        return body;
    }
}
