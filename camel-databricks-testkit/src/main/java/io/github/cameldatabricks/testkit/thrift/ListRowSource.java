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

import java.util.List;

/** Rows computed up front: update counts, SET output, metadata RPC results. */
final class ListRowSource implements RowSource {

    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private int position;

    ListRowSource(List<ResultColumn> columns, List<Object[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public List<Object[]> next(int max) {
        int end = Math.min(rows.size(), position + max);
        List<Object[]> page = rows.subList(position, end);
        position = end;
        return page;
    }

    @Override
    public boolean hasMore() {
        return position < rows.size();
    }

    @Override
    public void close() {
        // nothing held
    }
}
