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
package io.github.cameldatabricks.testkit.thrift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowResultLink;

import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchSettings;

/**
 * The CloudFetch side of one operation: its rows written as Arrow files as the client pages through them, and links to
 * those files in {@code TRowSet.resultLinks}.
 *
 * <p>
 * A {@code FetchResults} without {@code startRowOffset} continues after the last link handed out. One with
 * {@code startRowOffset} set to a file's first row hands out fresh links from that file on: that is how databricks-jdbc
 * 3.4.5 replaces links it finds expired ({@code ChunkLinkDownloadService} →
 * {@code DatabricksThriftServiceClient#getResultChunks} → {@code FetchResults(startRowOffset)}), and it rejects a
 * response whose first link starts elsewhere. Files stay until the operation is closed.
 *
 * <p>
 * A response carries up to {@code linksPerFetch} links whatever the request's {@code maxRows}, as a real warehouse
 * does: a debug log of databricks-sql-python against a real warehouse (databricks-sql-python#474) shows files of 77,136
 * to 138,304 rows, cut by size, several of them in one response, together more than the 100,000 rows databricks-jdbc
 * asks for by default; the Node.js connector's maintainers report that the server's chunks often do not match
 * {@code maxRows} and can be larger (databricks-sql-nodejs#200). The files are written when first linked, several at
 * once (see {@link #WRITERS}), where a real warehouse's executors write them while the query runs.
 */
final class ResultLinks {

    /** One response's links and whether rows remain after the last of them. */
    record Page(TRowSet rowSet, boolean hasMore, int links) {
    }

    /**
     * Files written at once: a real warehouse's executors write theirs in parallel; bounded so that the rows held for
     * encoding stay a few files' worth.
     */
    private static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Shared by all operations; daemon threads, so a warehouse left open does not keep the JVM alive. */
    private static final ExecutorService ENCODERS = Executors.newFixedThreadPool(WRITERS, task -> {
        Thread t = new Thread(task, "localwarehouse-cloudfetch-writer");
        t.setDaemon(true);
        return t;
    });

    private final UUID operationId;
    private final CloudFetchFiles files;
    private final CloudFetchSettings settings;
    private final ResultFormat format;
    private final List<CloudFetchFiles.StoredFile> produced = new ArrayList<>();
    private final HashMap<Long, Integer> fileByOffset = new HashMap<>();
    private long producedRows;
    private int cursor;

    ResultLinks(UUID operationId, CloudFetchFiles files, CloudFetchSettings settings, ResultFormat format) {
        this.operationId = operationId;
        this.files = files;
        this.settings = settings;
        this.format = format;
    }

    /**
     * The next links: after the last ones handed out, or from the file starting at {@code startRowOffset}; up to
     * {@code linksPerFetch} of them, whatever the request's {@code maxRows} (see the class comment).
     */
    synchronized Page page(RowSource rows, Long startRowOffset) throws Exception {
        int index = startRowOffset == null ? cursor : indexOf(startRowOffset);
        long first = index < produced.size() ? produced.get(index).startRowOffset() : producedRows;
        List<TSparkArrowResultLink> links = new ArrayList<>();
        while (links.size() < settings.linksPerFetch()) {
            if (index >= produced.size() && !produce(rows, settings.linksPerFetch() - links.size())) {
                break;
            }
            CloudFetchFiles.StoredFile file = produced.get(index);
            CloudFetchFiles.Link link = files.link(file);
            links.add(new TSparkArrowResultLink(link.url(), link.expiryMillis(), file.startRowOffset(),
                    file.rowCount(), file.uncompressedBytes()).setHttpHeaders(new HashMap<>()));
            index++;
        }
        cursor = Math.max(cursor, index);
        boolean hasMore = index < produced.size() || rows.hasMore();
        TRowSet set = new TRowSet(first, new ArrayList<>());
        set.setResultLinks(links);
        return new Page(set, hasMore, links.size());
    }

    /** Drops this operation's files and links. */
    void release() {
        files.release(operationId);
    }

    /** The index of the file starting at that row; IllegalArgumentException when no file starts there. */
    private int indexOf(long startRowOffset) {
        if (startRowOffset == producedRows) {
            return produced.size();
        }
        Integer index = fileByOffset.get(startRowOffset);
        if (index == null) {
            throw new IllegalArgumentException("startRowOffset " + startRowOffset
                    + " is not the first row of a result file of this operation.");
        }
        return index;
    }

    /**
     * Writes the next files, up to {@code max} and {@link #WRITERS} at once: their rows are read in order, then encoded
     * in parallel, as a warehouse's executors write their result files side by side. False when no rows are left.
     */
    private boolean produce(RowSource rows, int max) throws Exception {
        List<List<Object[]>> pages = new ArrayList<>();
        while (pages.size() < Math.min(max, WRITERS)) {
            List<Object[]> page = rows.next(settings.rowsPerFile());
            if (page.isEmpty()) {
                break;
            }
            pages.add(page);
        }
        if (pages.isEmpty()) {
            return false;
        }
        List<CompletableFuture<ArrowStreamFile.Encoded>> encoding = new ArrayList<>();
        for (List<Object[]> page : pages) {
            encoding.add(pages.size() == 1 ? CompletableFuture.completedFuture(encode(rows, page))
                    : CompletableFuture.supplyAsync(() -> encode(rows, page), ENCODERS));
        }
        for (int i = 0; i < pages.size(); i++) {
            ArrowStreamFile.Encoded encoded;
            try {
                encoded = encoding.get(i).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            int count = pages.get(i).size();
            CloudFetchFiles.StoredFile file = files.store(operationId, producedRows, count,
                    encoded.uncompressedBytes(), encoded.body());
            fileByOffset.put(producedRows, produced.size());
            produced.add(file);
            producedRows += count;
        }
        return true;
    }

    private ArrowStreamFile.Encoded encode(RowSource rows, List<Object[]> page) {
        return ArrowStreamFile.encode(rows.columns(), page, format);
    }
}
