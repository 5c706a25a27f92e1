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

import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.databricks.jdbc.model.client.thrift.generated.TOperationState;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * One statement or metadata call and its lifecycle: PENDING, RUNNING, then FINISHED, ERROR, CANCELED or TIMEDOUT, and
 * CLOSED once the client is done. Transitions are synchronised so that a worker finishing late cannot override a
 * cancel.
 */
public final class Operation {

    private final UUID id;
    private final WarehouseSession session;
    private final CountDownLatch done = new CountDownLatch(1);
    private TOperationState state = TOperationState.PENDING_STATE;
    private WarehouseSqlException error;
    private RowSource rows;
    private Statement statement;
    private Future<?> worker;
    private long rowOffset;
    private Long modifiedRows;
    private volatile ResultFormat resultFormat = ResultFormat.COLUMNS;
    private volatile boolean canDownload;
    private boolean deliveryDecided;
    private ResultLinks links;

    Operation(UUID id, WarehouseSession session) {
        this.id = id;
        this.session = session;
    }

    UUID id() {
        return id;
    }

    WarehouseSession session() {
        return session;
    }

    synchronized TOperationState state() {
        return state;
    }

    synchronized WarehouseSqlException error() {
        return error;
    }

    synchronized RowSource rows() {
        return rows;
    }

    synchronized void running(Statement runningStatement, Future<?> workerFuture) {
        this.statement = runningStatement;
        this.worker = workerFuture;
        if (state == TOperationState.PENDING_STATE) {
            state = TOperationState.RUNNING_STATE;
        }
    }

    /** Rows a DML statement or COPY INTO changed, for {@code TGetOperationStatusResp.numModifiedRows}; else null. */
    synchronized Long modifiedRows() {
        return modifiedRows;
    }

    synchronized void modifiedRows(long count) {
        this.modifiedRows = count;
    }

    synchronized void statement(Statement runningStatement) {
        this.statement = runningStatement;
    }

    /** Records the result; returns false (and closes it) if the operation was already cancelled or closed. */
    synchronized boolean finish(RowSource result) {
        if (isTerminal()) {
            result.close();
            return false;
        }
        rows = result;
        state = TOperationState.FINISHED_STATE;
        done.countDown();
        return true;
    }

    /** Records an error; also after FINISHED, when reading the streamed rows fails. */
    void fail(WarehouseSqlException e) {
        RowSource toClose;
        synchronized (this) {
            if (isTerminal() && state != TOperationState.FINISHED_STATE) {
                return;
            }
            error = e;
            state = TOperationState.ERROR_STATE;
            toClose = rows;
            rows = null;
            done.countDown();
        }
        if (toClose != null) {
            toClose.close();
        }
        releaseLinks();
    }

    void cancel() {
        end(TOperationState.CANCELED_STATE);
    }

    void timeOut() {
        end(TOperationState.TIMEDOUT_STATE);
    }

    private void end(TOperationState terminal) {
        Statement toCancel;
        Future<?> toInterrupt;
        synchronized (this) {
            if (isTerminal()) {
                return;
            }
            state = terminal;
            toCancel = statement;
            toInterrupt = worker;
            done.countDown();
        }
        stopWork(toCancel, toInterrupt);
    }

    void close() {
        RowSource toClose;
        Statement toCancel = null;
        Future<?> toInterrupt = null;
        synchronized (this) {
            if (!isTerminal()) {
                toCancel = statement;
                toInterrupt = worker;
                done.countDown();
            }
            state = TOperationState.CLOSED_STATE;
            toClose = rows;
            rows = null;
        }
        stopWork(toCancel, toInterrupt);
        if (toClose != null) {
            toClose.close();
        }
        releaseLinks();
    }

    private void releaseLinks() {
        ResultLinks toRelease;
        synchronized (this) {
            toRelease = links;
        }
        if (toRelease != null) {
            toRelease.release();
        }
    }

    private static void stopWork(Statement toCancel, Future<?> toInterrupt) {
        if (toCancel != null) {
            try {
                toCancel.cancel();
            } catch (Exception ignored) {
                // the statement may have completed meanwhile
            }
        }
        if (toInterrupt != null) {
            toInterrupt.cancel(true);
        }
    }

    /** Waits until the operation leaves PENDING/RUNNING; true if it did within the time. */
    public boolean await(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    /** How this operation's rows travel; column-based unless the statement asked for Arrow. */
    ResultFormat resultFormat() {
        return resultFormat;
    }

    void resultFormat(ResultFormat format) {
        this.resultFormat = format;
    }

    /** Whether the client can download CloudFetch files ({@code canDownloadResult}). */
    boolean canDownload() {
        return canDownload;
    }

    void canDownload(boolean value) {
        this.canDownload = value;
    }

    /**
     * Decides once, when the result is first read, how its rows travel: {@code decision} gets the rows and returns the
     * row source to read from now on (e.g. with the rows it looked at put back) and sets the links of a CloudFetch
     * result. Returns the links, null for inline results.
     */
    synchronized ResultLinks deliver(Delivery decision) throws Exception {
        if (!deliveryDecided && rows != null) {
            deliveryDecided = true;
            rows = decision.decide(rows);
        }
        return links;
    }

    /** Chooses between inline and CloudFetch delivery; see {@link #deliver}. */
    interface Delivery {
        RowSource decide(RowSource rows) throws Exception;
    }

    /** The result goes by CloudFetch links. */
    synchronized void links(ResultLinks value) {
        this.links = value;
    }

    synchronized ResultLinks links() {
        return links;
    }

    synchronized long takeRowOffset(int count) {
        long start = rowOffset;
        rowOffset += count;
        return start;
    }

    private boolean isTerminal() {
        return state != TOperationState.PENDING_STATE && state != TOperationState.RUNNING_STATE;
    }
}
