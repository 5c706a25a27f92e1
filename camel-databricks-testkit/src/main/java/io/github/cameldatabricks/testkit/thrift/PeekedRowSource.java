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
import java.util.List;

/**
 * A row source whose first rows were already read (to learn whether the result is large enough for CloudFetch): serves
 * those first, then the rest from the source.
 */
final class PeekedRowSource implements RowSource {

    private final List<Object[]> head;
    private final RowSource rest;
    private int position;

    PeekedRowSource(List<Object[]> head, RowSource rest) {
        this.head = head;
        this.rest = rest;
    }

    @Override
    public List<ResultColumn> columns() {
        return rest.columns();
    }

    @Override
    public List<Object[]> next(int max) throws Exception {
        if (position >= head.size()) {
            return rest.next(max);
        }
        int end = Math.min(head.size(), position + max);
        List<Object[]> page = new ArrayList<>(head.subList(position, end));
        position = end;
        if (page.size() < max && position >= head.size()) {
            page.addAll(rest.next(max - page.size()));
        }
        return page;
    }

    @Override
    public boolean hasMore() throws Exception {
        return position < head.size() || rest.hasMore();
    }

    @Override
    public void close() {
        rest.close();
    }
}
