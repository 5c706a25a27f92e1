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
