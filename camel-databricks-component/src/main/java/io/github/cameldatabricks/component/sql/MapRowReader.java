package io.github.cameldatabricks.component.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the current row of a result set into a Map keyed by column label, in column order. */
public final class MapRowReader {

    private final String[] labels;

    /** A reader for the result set's columns. */
    public MapRowReader(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
    }

    /** The number of columns. */
    public int columnCount() {
        return labels.length;
    }

    /** The current row. */
    public Map<String, Object> read(ResultSet resultSet) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            row.put(labels[i], resultSet.getObject(i + 1));
        }
        return row;
    }
}
