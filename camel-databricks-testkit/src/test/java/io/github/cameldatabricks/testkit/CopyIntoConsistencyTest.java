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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.faults.Fault;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The rows of a file and its loaded-file record go together: after ambiguous drops and under concurrency. */
class CopyIntoConsistencyTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static String copy(String table, String path) {
        return "COPY INTO " + table + " FROM '" + path + "' FILEFORMAT = JSON";
    }

    private static String rows(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append("{\"id\":").append(i).append("}\n");
        }
        return sb.toString();
    }

    @Test
    void anExecutedThenDroppedCopyLoadedAndRecordedTheFile() throws Exception {
        String table = Jdbc.uniqueTable("ambiguous_copy");
        String file = TestVolumes.newVolume(WAREHOUSE.warehouse(), "amb") + "/batch.json";
        TestVolumes.write(WAREHOUSE.warehouse(), file, rows(0, 10));
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
            WAREHOUSE.faults().inject(Fault.executeThenDrop(), 1);
            assertThatThrownBy(() -> Jdbc.update(c, copy(table, file))).isInstanceOf(SQLException.class);
        }
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM " + table)).isEqualTo(10L);
            assertThat(Jdbc.update(c, copy(table, file))).as("the retry finds the file recorded").isZero();
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM " + table)).isEqualTo(10L);
        }
    }

    @Test
    void aFailedCopyRecordsNothing() throws Exception {
        String table = Jdbc.uniqueTable("failed_copy");
        String dir = TestVolumes.newVolume(WAREHOUSE.warehouse(), "failed") + "/in";
        TestVolumes.write(WAREHOUSE.warehouse(), dir + "/1-good.json", rows(0, 3));
        TestVolumes.write(WAREHOUSE.warehouse(), dir + "/2-bad.json", "{\"id\":\"x\"}\n");
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
            assertThatThrownBy(() -> Jdbc.update(c, copy(table, dir))).isInstanceOf(SQLException.class);
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM " + table)).as("all or nothing").isEqualTo(0L);
            TestVolumes.write(WAREHOUSE.warehouse(), dir + "/2-bad.json", rows(3, 2));
            assertThat(Jdbc.update(c, copy(table, dir))).isEqualTo(5);
        }
    }

    @Test
    void concurrentCopiesLoadEachFileOnce() throws Exception {
        String table = Jdbc.uniqueTable("concurrent_copy");
        String dir = TestVolumes.newVolume(WAREHOUSE.warehouse(), "conc");
        for (int f = 0; f < 4; f++) {
            TestVolumes.write(WAREHOUSE.warehouse(), dir + "/f" + f + ".json", rows(f * 100, 100));
        }
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            Jdbc.update(c, "CREATE TABLE " + table + " (id INT)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> copies = new ArrayList<>();
            for (int f = 0; f < 4; f++) {
                String file = dir + "/f" + f + ".json";
                for (int repeat = 0; repeat < 2; repeat++) {
                    copies.add(() -> {
                        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
                            return Jdbc.update(c, copy(table, file));
                        }
                    });
                }
            }
            int loaded = 0;
            for (Future<Integer> result : pool.invokeAll(copies)) {
                loaded += result.get();
            }
            assertThat(loaded).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "")) {
            assertThat(Jdbc.scalar(c, "SELECT count(DISTINCT id) FROM " + table)).isEqualTo(400L);
            assertThat(Jdbc.scalar(c, "SELECT count(*) FROM " + table)).isEqualTo(400L);
        }
    }
}
