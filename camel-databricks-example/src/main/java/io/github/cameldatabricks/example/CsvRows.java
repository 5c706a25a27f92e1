package io.github.cameldatabricks.example;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats query rows (Maps) as CSV text, columns in the order of the given header. */
public final class CsvRows {

    private CsvRows() {
    }

    /** The header line, then one line per row. */
    public static String toCsv(List<Map<String, Object>> rows, String header) {
        String[] columns = header.split(",");
        return header + "\n" + rows.stream().map(row -> java.util.Arrays.stream(columns)
                .map(c -> String.valueOf(row.get(c))).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
