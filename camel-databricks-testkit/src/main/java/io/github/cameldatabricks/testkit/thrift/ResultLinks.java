package io.github.cameldatabricks.testkit.thrift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TSparkArrowResultLink;

import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchFiles;
import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchSettings;

/**
 * The CloudFetch side of one operation: its rows written as Arrow files as the client pages through them, and
 * links to those files in {@code TRowSet.resultLinks}.
 *
 * <p>A {@code FetchResults} without {@code startRowOffset} continues after the last link handed out. One with
 * {@code startRowOffset} set to a file's first row hands out fresh links from that file on: that is how
 * databricks-jdbc 3.4.5 replaces links it finds expired ({@code ChunkLinkDownloadService} →
 * {@code DatabricksThriftServiceClient#getResultChunks} → {@code FetchResults(startRowOffset)}), and it rejects a
 * response whose first link starts elsewhere. Files stay until the operation is closed.
 */
final class ResultLinks {

    /** One response's links and whether rows remain after the last of them. */
    record Page(TRowSet rowSet, boolean hasMore, int links) {
    }

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
     * The next links: after the last ones handed out, or from the file starting at {@code startRowOffset}.
     *
     * @param maxRows the client's {@code maxRows}; a response carries at least one file, and at most this many rows
     *                when it is positive
     */
    synchronized Page page(RowSource rows, Long startRowOffset, long maxRows) throws Exception {
        int index = startRowOffset == null ? cursor : indexOf(startRowOffset);
        long budget = maxRows > 0 ? maxRows : Long.MAX_VALUE;
        long first = index < produced.size() ? produced.get(index).startRowOffset() : producedRows;
        List<TSparkArrowResultLink> links = new ArrayList<>();
        long rowsInPage = 0;
        while (links.size() < settings.linksPerFetch() && rowsInPage < budget) {
            CloudFetchFiles.StoredFile file = index < produced.size() ? produced.get(index)
                    : produce(rows, (int) Math.min(settings.rowsPerFile(), budget - rowsInPage));
            if (file == null) {
                break;
            }
            CloudFetchFiles.Link link = files.link(file);
            links.add(new TSparkArrowResultLink(link.url(), link.expiryMillis(), file.startRowOffset(),
                    file.rowCount(), file.uncompressedBytes()).setHttpHeaders(new HashMap<>()));
            rowsInPage += file.rowCount();
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

    private CloudFetchFiles.StoredFile produce(RowSource rows, int maxRows) throws Exception {
        List<Object[]> page = rows.next(maxRows);
        if (page.isEmpty()) {
            return null;
        }
        ArrowStreamFile.Encoded encoded = ArrowStreamFile.encode(rows.columns(), page, format);
        CloudFetchFiles.StoredFile file = files.store(operationId, producedRows, page.size(),
                encoded.uncompressedBytes(), encoded.body());
        fileByOffset.put(producedRows, produced.size());
        produced.add(file);
        producedRows += page.size();
        return file;
    }
}
