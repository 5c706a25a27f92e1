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
                    rows.add(new Object[]{ rs.getString(1), SparkTypeNames.parse(rs.getString(2)).catalogString(),
                            rs.getString(3) });
                }
            }
        }
        return new ListRowSource(COLUMNS, rows);
    }
}
