package io.github.cameldatabricks.testkit.sql;

import java.util.List;
import java.util.Map;

/**
 * A parsed {@code COPY INTO <table> FROM '<path>' FILEFORMAT = <format> [FILES = (...)] [PATTERN = '...']
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
