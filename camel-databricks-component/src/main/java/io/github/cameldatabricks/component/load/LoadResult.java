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
package io.github.cameldatabricks.component.load;

/**
 * What a bulk load did.
 *
 * @param loadedRows  the rows COPY INTO reported as loaded (0 when a retried COPY INTO found its files already loaded
 *                    by an earlier attempt whose answer was lost)
 * @param stagedRows  the rows written to the staging files, or -1 for a body that already was a file
 * @param stagingPath the volume folder the files were staged in
 * @param files       how many files were staged
 */
public record LoadResult(long loadedRows, long stagedRows, String stagingPath, int files) {
}
