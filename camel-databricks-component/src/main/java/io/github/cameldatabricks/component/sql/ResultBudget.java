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
package io.github.cameldatabricks.component.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * How much heap a result read whole (outputType=SelectList or SelectOne) may take, and an estimate of what each row
 * takes as a {@code LinkedHashMap} of boxed values. Reading stops when the estimate passes the limit, well before the
 * heap runs out: an OutOfMemoryError cannot be handled reliably, because with Arrow results databricks-jdbc decodes
 * pages on a background thread, where it would leave the reading thread waiting forever.
 */
public final class ResultBudget {

    /** The share of the maximum heap a result may take when maxResultBytes is 0. */
    private static final int DEFAULT_HEAP_DIVISOR = 4;

    private final long limitBytes;
    private long usedBytes;
    private long rows;

    private ResultBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** A budget of {@code maxResultBytes}, or a quarter of the JVM's maximum heap when it is 0. */
    public static ResultBudget of(long maxResultBytes) {
        return new ResultBudget(maxResultBytes > 0 ? maxResultBytes
                : Runtime.getRuntime().maxMemory() / DEFAULT_HEAP_DIVISOR);
    }

    /** Counts a row; false once the rows counted so far are estimated to exceed the limit. */
    public boolean add(Map<String, Object> row) {
        rows++;
        usedBytes += estimate(row);
        return usedBytes <= limitBytes;
    }

    /** The limit in bytes. */
    public long limitBytes() {
        return limitBytes;
    }

    /** The rows counted so far. */
    public long rows() {
        return rows;
    }

    /** The estimated bytes of the rows counted so far. */
    public long usedBytes() {
        return usedBytes;
    }

    /** Object headers, references and table slots of a LinkedHashMap with its entries, and the values. */
    static long estimate(Map<String, Object> row) {
        int table = Integer.highestOneBit(Math.max(1, row.size() * 2 - 1)) << 1;
        long bytes = 56 + 16 + 4L * table + 40L * row.size();
        for (Object value : row.values()) {
            bytes += estimateValue(value);
        }
        return bytes;
    }

    private static long estimateValue(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2L * text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return 64;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return 24;
        }
        if (value instanceof Collection<?> items) {
            return 64 + 32L * items.size();
        }
        if (value instanceof Map<?, ?> entries) {
            return 64 + 64L * entries.size();
        }
        // dates, times, and the driver's complex-type objects
        return 48;
    }
}
