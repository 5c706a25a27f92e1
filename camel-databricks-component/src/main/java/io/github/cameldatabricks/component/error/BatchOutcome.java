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
package io.github.cameldatabricks.component.error;

import java.io.Serializable;

/**
 * Where a batch stopped, counted in elements of the message body from 0: every element before {@code committed} is in
 * the table, the elements {@code failedFrom}..{@code failedTo} (inclusive) were in the statement that failed, and no
 * later element was sent.
 *
 * @param committed  how many leading elements of the body are committed (including any skipped as already committed)
 * @param failedFrom the index of the first element of the failed statement
 * @param failedTo   the index of the last element of the failed statement
 * @param ambiguous  whether the failed statement may have been committed (its outcome is unknown)
 */
public record BatchOutcome(long committed, long failedFrom, long failedTo, boolean ambiguous) implements Serializable {

    /** One sentence for exception messages. */
    public String describe() {
        String failed = failedFrom == failedTo ? "element " + failedFrom : "elements " + failedFrom + "-" + failedTo;
        return "batch stopped: " + (committed == 0 ? "no element is" : committed == 1 ? "element 0 is"
                : "elements 0-" + (committed - 1) + " are") + " committed, " + failed
                + (ambiguous ? " may or may not have been written" : " were not written")
                + ", later elements were not sent";
    }
}
