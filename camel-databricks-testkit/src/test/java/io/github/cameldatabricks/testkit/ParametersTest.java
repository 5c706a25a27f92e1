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
package io.github.cameldatabricks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.databricks.jdbc.model.client.thrift.generated.TSparkParameter;
import com.databricks.jdbc.model.client.thrift.generated.TSparkParameterValue;
import com.databricks.jdbc.model.client.thrift.generated.TSparkParameterValueArg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Native parameters in the forms each official client sends them: hand-built {@code TSparkParameter}s for the Python
 * and Node.js connectors, the real driver for JDBC.
 */
class ParametersTest {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension();

    private static TSparkParameter param(String type, String value) {
        TSparkParameter p = new TSparkParameter();
        if (type != null) {
            p.setType(type);
        }
        if (value != null) {
            p.setValue(TSparkParameterValue.stringValue(value));
        }
        return p;
    }

    /** As databricks-sql-python's {@code as_tspark_param(named=False)}: {@code ordinal = True}, i.e. 1. */
    private static TSparkParameter python(String type, String value) {
        return param(type, value).setOrdinal(1);
    }

    private static TSparkParameterValueArg arg(String type, String value) {
        return new TSparkParameterValueArg().setType(type).setValue(value);
    }

    private static TSparkParameter complex(String type, TSparkParameterValueArg... args) {
        return new TSparkParameter().setType(type).setOrdinal(1).setArguments(new ArrayList<>(Arrays.asList(args)));
    }

    private static List<Object> row(String sql, TSparkParameter... parameters) throws Exception {
        try (RawThrift thrift = new RawThrift(WAREHOUSE.warehouse())) {
            return thrift.query(sql, List.of(parameters)).get(0);
        }
    }

    @Test
    void pythonPositionalParametersAllMarkedOrdinalOneBindInListOrder() throws Exception {
        assertThat(row("SELECT ? a, ? b, ? c", python("STRING", "a"), python("STRING", "b"), python("STRING", "c")))
                .containsExactly("a", "b", "c");
    }

    @Test
    void nodePositionalParametersWithoutOrdinalBindInListOrderAndNullHasNoType() throws Exception {
        assertThat(row("SELECT ? a, ? b, ? c", param("INTEGER", "7"), param(null, null), param("STRING", "z")))
                .containsExactly(7, null, "z");
    }

    @Test
    void distinctOrdinalsOrderTheParameters() throws Exception {
        assertThat(row("SELECT ? a, ? b", param("STRING", "second").setOrdinal(2),
                param("STRING", "first").setOrdinal(1))).containsExactly("first", "second");
    }

    @Test
    void namedParametersBindByName() throws Exception {
        assertThat(row("SELECT :x + :y AS s, :x AS x", param("INT", "40").setName("y").setOrdinal(0),
                param("INT", "2").setName("x").setOrdinal(0))).containsExactly(42, 2);
    }

    @Test
    void arrayMapAndStructParametersBindFromTheirArguments() throws Exception {
        TSparkParameter array = complex("ARRAY", arg("INT", "1"), arg("INT", "2"), arg("INT", "3"));
        TSparkParameter map = complex("MAP", arg("STRING", "a"), arg("INT", "1"), arg("STRING", "b"),
                arg("INT", "2"));
        TSparkParameter struct = complex("STRUCT", arg("INT", "1"), arg("STRING", "x"));
        TSparkParameter nested = complex("ARRAY", new TSparkParameterValueArg().setType("ARRAY")
                .setArguments(new ArrayList<>(List.of(arg("STRING", "p"), arg("STRING", "q")))));
        assertThat(row("SELECT ? a, ? m, ? s, ? n", array, map, struct, nested))
                .containsExactly("[1,2,3]", "{\"a\":1,\"b\":2}", "{\"col1\":1,\"col2\":\"x\"}", "[[\"p\",\"q\"]]");
    }

    @Test
    void timestampWithAnOffsetIsThatInstantInUtcAndNtzKeepsTheWallClock() throws Exception {
        assertThat(row("SELECT CAST(? AS STRING), CAST(? AS STRING), CAST(? AS STRING)",
                python("TIMESTAMP", "2021-09-30 11:27:35+04:00"),
                python("TIMESTAMP", "2021-09-30T11:27:35.000Z"),
                python("TIMESTAMP_NTZ", "2021-09-30 11:27:35+04:00")))
                .containsExactly("2021-09-30 07:27:35", "2021-09-30 11:27:35", "2021-09-30 11:27:35");
    }

    @Test
    void typesThatCannotBeBoundAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> row("SELECT ?", python("FOO", "1")))
                .hasMessageContaining("UNSUPPORTED_DATATYPE").hasMessageContaining("FOO");
        assertThatThrownBy(() -> row("SELECT ?", python("INTERVAL MONTH", "1")))
                .hasMessageContaining("INTERVAL MONTH");
        assertThatThrownBy(() -> row("SELECT ?", python("ARRAY", "[1, 2]")))
                .hasMessageContaining("ARRAY");
        assertThatThrownBy(() -> row("SELECT ? a, ? b", python("INT", "1")))
                .hasMessageContaining("UNBOUND_SQL_PARAMETER");
    }

    @Test
    void jdbcPreparedStatementsStillBindByIndex() throws Exception {
        try (Connection c = Jdbc.connect(WAREHOUSE.warehouse(), "");
                PreparedStatement ps = c.prepareStatement("SELECT ? a, ? b, ? c, ? d")) {
            ps.setString(1, "a");
            ps.setString(2, "b");
            ps.setString(3, "c");
            ps.setTimestamp(4, Timestamp.valueOf("2024-01-02 03:04:05"));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(Jdbc.rows(rs)).containsExactly(
                        List.of("a", "b", "c", Timestamp.valueOf("2024-01-02 03:04:05")));
            }
        }
    }
}
