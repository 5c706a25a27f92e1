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

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A bulk load of 1,000,000 rows from an Iterator completes in a JVM whose heap is 128 MB: the rows are streamed to
 * staging files and uploaded from disk, never held in memory.
 */
class LowMemoryLoadTest {

    @Test
    void aMillionRowsLoadFromAnIteratorWith128MbOfHeap() throws Exception {
        // the child logs through slf4j-simple; its last line is the result
        String output = ChildJvm.run(LowMemoryLoadMain.class, 128, "1000000");
        assertThat(output).as(ChildJvm.tail(output)).contains("loaded=1000000 count=1000000 maxHeapMb=");
        int heap = Integer.parseInt(output.replaceAll("(?s).*maxHeapMb=(\\d+).*", "$1"));
        assertThat(heap).isLessThanOrEqualTo(128);
    }
}
