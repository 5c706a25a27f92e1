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
