package io.github.cameldatabricks.testkit.thrift;

import java.util.ArrayList;
import java.util.List;

/**
 * A row source whose first rows were already read (to learn whether the result is large enough for CloudFetch):
 * serves those first, then the rest from the source.
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
