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
package io.github.cameldatabricks.component.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.cameldatabricks.component.error.BatchOutcome;
import io.github.cameldatabricks.component.error.DatabricksException;
import io.github.cameldatabricks.component.error.ErrorCategory;
import io.github.cameldatabricks.component.sql.BoundStatement;
import io.github.cameldatabricks.component.sql.MultiRowInsert;

/**
 * Writes the elements of a batch body (Maps of parameter values), reading them one at a time so that an Iterator or
 * stream is never held whole. An INSERT with one VALUES group sends as many rows per statement as the
 * {@link BatchLimits} allow; any other statement runs once per element. Each statement goes through the producer's
 * retry policy on its own; the first one that fails ends the batch with a {@link DatabricksException} whose
 * {@link BatchOutcome} says which elements are committed.
 */
public final class BatchWriter {

    /** Binds one element's parameters. */
    @FunctionalInterface
    public interface ElementBinder {
        BoundStatement bind(Map<?, ?> element);
    }

    /** Runs one statement with the retry policy; returns its update count. */
    @FunctionalInterface
    public interface StatementExecutor {
        long execute(BoundStatement statement) throws DatabricksException;
    }

    /**
     * What a batch did.
     *
     * @param elements    how many leading elements of the body are committed (all of them), skipped ones included
     * @param updateCount the rows the statements reported as changed
     * @param statements  how many statements were sent
     */
    public record Result(long elements, long updateCount, int statements) {
    }

    private final BatchLimits limits;

    public BatchWriter(BatchLimits limits) {
        this.limits = limits;
    }

    /**
     * Writes the elements after the first {@code skip}.
     *
     * @param insert the multi-row form of the statement, or null to run the statement once per element
     * @throws InvalidBatchElementException naming the element that cannot be bound
     * @throws DatabricksException          for the first statement that failed, with its {@link BatchOutcome}
     */
    public Result write(Iterator<?> elements, long skip, MultiRowInsert insert, ElementBinder binder,
            StatementExecutor executor) throws DatabricksException {
        long index = 0;
        while (index < skip && elements.hasNext()) {
            elements.next();
            index++;
        }
        if (index < skip) {
            throw new IllegalArgumentException("Cannot skip " + skip + " elements (header CamelDatabricksBatchSkip):"
                    + " the body has only " + index);
        }
        Progress progress = new Progress(index);
        Chunk chunk = insert == null ? null : new Chunk(insert, index);
        while (true) {
            BoundStatement bound;
            try {
                if (!elements.hasNext()) {
                    break;
                }
                bound = bind(elements.next(), index, binder);
            } catch (RuntimeException e) {
                // reading a lazy body or evaluating a parameter failed: say what is committed, so a replay resumes
                throw new InvalidBatchElementException((e instanceof InvalidBatchElementException ? ""
                        : "Reading element " + index + " of the batch failed: ") + e.getMessage()
                        + progressNote(progress.committed, chunk == null ? index : chunk.first, index),
                        progress.committed, e instanceof InvalidBatchElementException ? e.getCause() : e);
            }
            if (chunk == null) {
                progress.run(bound, index, index, executor);
            } else {
                int rowBytes = estimateBytes(bound.values()) + insert.rowTextLength();
                if (!chunk.isEmpty() && !chunk.fits(rowBytes)) {
                    progress.run(chunk.statement(), chunk.first, index - 1, executor);
                    chunk = new Chunk(insert, index);
                }
                chunk.add(bound.values(), rowBytes);
            }
            index++;
        }
        if (chunk != null && !chunk.isEmpty()) {
            progress.run(chunk.statement(), chunk.first, index - 1, executor);
        }
        return new Result(index, progress.updated, progress.statements);
    }

    private static BoundStatement bind(Object element, long index, ElementBinder binder) {
        if (!(element instanceof Map<?, ?> values)) {
            throw new InvalidBatchElementException("batch=true expects every element of the body to be a Map of"
                    + " parameter values, but element " + index + " is "
                    + (element == null ? "null" : element.getClass().getName()), 0, null);
        }
        try {
            return binder.bind(values);
        } catch (IllegalArgumentException e) {
            throw new InvalidBatchElementException("Element " + index + " of the batch: " + e.getMessage(), 0, e);
        }
    }

    /** What became of the elements before the one that failed: committed, or read but not yet sent. */
    private static String progressNote(long committed, long firstUnsent, long failed) {
        StringBuilder note = new StringBuilder();
        if (committed > 0) {
            note.append("; elements 0-").append(committed - 1).append(" are committed");
        }
        if (firstUnsent < failed) {
            note.append("; elements ").append(firstUnsent).append('-').append(failed - 1).append(" were not sent");
        }
        return note.toString();
    }

    /** A rough count of the bytes the values take on the wire, to keep a statement under the byte limit. */
    static int estimateBytes(List<Object> values) {
        int bytes = 0;
        for (Object value : values) {
            if (value == null) {
                bytes += 4;
            } else if (value instanceof CharSequence s) {
                bytes += utf8Length(s);
            } else if (value instanceof byte[] b) {
                bytes += 2 * b.length;
            } else {
                bytes += String.valueOf(value).length();
            }
        }
        return bytes;
    }

    private static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** The statements sent so far. */
    private static final class Progress {
        long committed;
        long updated;
        int statements;

        Progress(long committed) {
            this.committed = committed;
        }

        void run(BoundStatement statement, long first, long last, StatementExecutor executor)
                throws DatabricksException {
            try {
                updated += executor.execute(statement);
            } catch (DatabricksException e) {
                throw DatabricksException.ofBatch(e, new BatchOutcome(committed, first, last,
                        e.getCategory() == ErrorCategory.AMBIGUOUS));
            }
            statements++;
            committed = last + 1;
        }
    }

    /** The rows of the next multi-row statement. */
    private final class Chunk {
        final MultiRowInsert insert;
        final long first;
        final int maxRows;
        final List<Object> values = new ArrayList<>();
        int rows;
        int bytes;

        Chunk(MultiRowInsert insert, long first) {
            this.insert = insert;
            this.first = first;
            this.maxRows = limits.rowsPerStatement(insert.markersPerRow());
            this.bytes = insert.sql(0).length();
        }

        boolean isEmpty() {
            return rows == 0;
        }

        boolean fits(int rowBytes) {
            return rows < maxRows && bytes + rowBytes <= limits.maxBytes();
        }

        void add(List<Object> rowValues, int rowBytes) {
            values.addAll(rowValues);
            rows++;
            bytes += rowBytes;
        }

        BoundStatement statement() {
            return new BoundStatement(insert.sql(rows), values);
        }
    }
}
