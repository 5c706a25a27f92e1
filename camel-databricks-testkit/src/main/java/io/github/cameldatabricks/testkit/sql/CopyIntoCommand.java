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
package io.github.cameldatabricks.testkit.sql;

import java.util.List;
import java.util.Map;

/**
 * A parsed {@code COPY INTO <target> FROM '<path>' FILEFORMAT = <format> [FILES = (...)] [PATTERN = '...']
 * [FORMAT_OPTIONS (...)] [COPY_OPTIONS (...)]}.
 *
 * @param target        the table, resolved against the session's current catalog and schema
 * @param source        the source path as written ({@code /Volumes/...})
 * @param format        {@code JSON}, {@code CSV} or {@code PARQUET}
 * @param files         file names relative to the source directory, empty if not given
 * @param pattern       a glob relative to the source directory, or null
 * @param formatOptions reader options, keys lower-cased
 * @param force         {@code COPY_OPTIONS ('force' = 'true')}: load files even if they were loaded before
 */
public record CopyIntoCommand(TableName target, String source, String format, List<String> files, String pattern,
        Map<String, String> formatOptions, boolean force) implements Translation.Command {

    public CopyIntoCommand {
        files = List.copyOf(files);
        formatOptions = Map.copyOf(formatOptions);
    }
}
