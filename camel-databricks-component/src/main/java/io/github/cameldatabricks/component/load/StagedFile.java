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

import java.nio.file.Path;

/**
 * A file written locally for upload to the staging folder.
 *
 * @param local the local temporary file
 * @param name  its name in the staging folder
 * @param rows  the rows it holds, or -1 when the component did not write it (a body that already was a file)
 */
record StagedFile(Path local, String name, long rows) {
}
