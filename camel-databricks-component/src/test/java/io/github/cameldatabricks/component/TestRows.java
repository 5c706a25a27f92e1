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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Row bodies for write tests and benchmarks. */
final class TestRows {

    private TestRows() {
    }

    /** Maps {@code {id: i}} for i in [from, to). */
    static List<Map<String, Object>> ids(int from, int to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        IntStream.range(from, to).forEach(i -> rows.add(Map.of("id", i)));
        return rows;
    }

    /**
     * {@code count} generated rows of 4 columns (id BIGINT, name STRING, amount DOUBLE, day DATE), made one at a time
     * as they are read, so that a large body never exists in memory.
     */
    static Iterator<Map<String, Object>> generated(long count) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Map<String, Object> next() {
                long id = next++;
                return Map.of("id", id, "name", "customer-" + id, "amount", id * 0.25,
                        "day", LocalDate.of(2026, 1, 1).plusDays(id % 365));
            }
        };
    }
}
