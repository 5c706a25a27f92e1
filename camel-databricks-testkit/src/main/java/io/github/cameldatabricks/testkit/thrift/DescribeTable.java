package io.github.cameldatabricks.testkit.thrift;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldatabricks.testkit.sql.DescribeCommand;
import io.github.cameldatabricks.testkit.sql.DuckDbEngine;
import io.github.cameldatabricks.testkit.sql.SparkTypeNames;

/**
 * Runs {@code DESCRIBE TABLE}: {@code col_name}, {@code data_type} in Spark's spelling ({@code array<string>},
 * {@code map<string,int>}, {@code struct<name:string,age:int>}), {@code comment}.
 */
final class DescribeTable {

    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.of("col_name", ColumnType.STRING),
            ResultColumn.of("data_type", ColumnType.STRING), ResultColumn.of("comment", ColumnType.STRING));

    private final DuckDbEngine engine;

    DescribeTable(DuckDbEngine engine) {
        this.engine = engine;
    }

    RowSource execute(DescribeCommand command, WarehouseSession session) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = engine.openConnection(session.catalog(), session.schema());
                Statement s = c.createStatement()) {
            s.executeQuery(command.checkSql()).close();
            try (ResultSet rs = s.executeQuery(command.columnsSql())) {
                while (rs.next()) {
                    rows.add(new Object[] { rs.getString(1), SparkTypeNames.parse(rs.getString(2)).catalogString(),
                        rs.getString(3) });
                }
            }
        }
        return new ListRowSource(COLUMNS, rows);
    }
}
