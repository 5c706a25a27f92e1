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
package io.github.cameldatabricks.testkit.copyinto;

/**
 * What a COPY INTO did.
 *
 * @param insertedRows rows inserted (Databricks' {@code num_affected_rows} and {@code num_inserted_rows})
 * @param loadedFiles  files read
 * @param skippedFiles files skipped because they were loaded before
 */
public record CopyIntoResult(long insertedRows, int loadedFiles, int skippedFiles) {
}
