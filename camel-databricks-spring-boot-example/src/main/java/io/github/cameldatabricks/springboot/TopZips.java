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
package io.github.cameldatabricks.springboot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** The latest result of the top-zips route: one map per row, column name to value. */
@Component
public class TopZips {

    private final AtomicReference<List<Map<String, Object>>> latest = new AtomicReference<>();

    public void update(List<Map<String, Object>> rows) {
        latest.set(List.copyOf(rows));
    }

    /** The rows of the last run, or {@code null} before the first one. */
    public List<Map<String, Object>> latest() {
        return latest.get();
    }
}
