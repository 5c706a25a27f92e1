package io.github.cameldatabricks.testkit.thrift;

import java.util.List;

/** The rows of a finished operation, read a page at a time. */
interface RowSource extends AutoCloseable {

    List<ResultColumn> columns();

    /** Up to {@code max} further rows; each value already in its wire form (see {@link RowSetEncoder}). */
    List<Object[]> next(int max) throws Exception;

    /** Whether rows remain after those returned so far. */
    boolean hasMore() throws Exception;

    @Override
    void close();
}
