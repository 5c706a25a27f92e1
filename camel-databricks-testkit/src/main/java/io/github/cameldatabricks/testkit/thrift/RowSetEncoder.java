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

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.databricks.jdbc.model.client.thrift.generated.TBinaryColumn;
import com.databricks.jdbc.model.client.thrift.generated.TBoolColumn;
import com.databricks.jdbc.model.client.thrift.generated.TByteColumn;
import com.databricks.jdbc.model.client.thrift.generated.TColumn;
import com.databricks.jdbc.model.client.thrift.generated.TColumnDesc;
import com.databricks.jdbc.model.client.thrift.generated.TDoubleColumn;
import com.databricks.jdbc.model.client.thrift.generated.TI16Column;
import com.databricks.jdbc.model.client.thrift.generated.TI32Column;
import com.databricks.jdbc.model.client.thrift.generated.TI64Column;
import com.databricks.jdbc.model.client.thrift.generated.TPrimitiveTypeEntry;
import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TStringColumn;
import com.databricks.jdbc.model.client.thrift.generated.TTableSchema;
import com.databricks.jdbc.model.client.thrift.generated.TTypeDesc;
import com.databricks.jdbc.model.client.thrift.generated.TTypeEntry;
import com.databricks.jdbc.model.client.thrift.generated.TTypeQualifierValue;
import com.databricks.jdbc.model.client.thrift.generated.TTypeQualifiers;

/**
 * Encodes rows as a Thrift {@code COLUMN_BASED_SET} and columns as a {@code TTableSchema}. ARRAY, MAP, STRUCT and VOID
 * columns are declared with their own primitive type entries ({@code ARRAY_TYPE}... {@code NULL_TYPE}) and travel as
 * {@code stringVal}, as a real warehouse sends them.
 */
final class RowSetEncoder {

    private RowSetEncoder() {
    }

    static TTableSchema schema(List<ResultColumn> columns) {
        TTableSchema schema = new TTableSchema(new ArrayList<>());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            TPrimitiveTypeEntry entry = new TPrimitiveTypeEntry(c.type().typeId());
            if (c.type().precision() > 0) {
                TTypeQualifiers q = new TTypeQualifiers(new java.util.HashMap<>());
                q.putToQualifiers("precision", TTypeQualifierValue.i32Value(c.type().precision()));
                q.putToQualifiers("scale", TTypeQualifierValue.i32Value(c.type().scale()));
                entry.setTypeQualifiers(q);
            }
            TTypeDesc desc = new TTypeDesc(List.of(TTypeEntry.primitiveEntry(entry)));
            schema.addToColumns(new TColumnDesc(c.name(), desc, i + 1).setComment(""));
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    static TRowSet encode(List<ResultColumn> columns, List<Object[]> rows, long startOffset) {
        TRowSet set = new TRowSet(startOffset, new ArrayList<>());
        set.setColumns(new ArrayList<>());
        int n = rows.size();
        for (int c = 0; c < columns.size(); c++) {
            byte[] nulls = new byte[(n + 7) / 8];
            List<Object> values = new ArrayList<>(n);
            ColumnType type = columns.get(c).type();
            for (int r = 0; r < n; r++) {
                Object v = rows.get(r)[c];
                if (v == null) {
                    nulls[r / 8] |= (byte) (1 << (r % 8));
                }
                // complex values travel as text in column-based sets (Spark's thrift server: toHiveString)
                values.add(v != null && type.isComplex() ? NestedValues.render(v, type) : v);
            }
            ByteBuffer nullBuffer = ByteBuffer.wrap(nulls);
            TColumn column = switch (type.typeId()) {
                case BOOLEAN_TYPE -> TColumn.boolVal(new TBoolColumn(fill(values, false), nullBuffer));
                case TINYINT_TYPE -> TColumn.byteVal(new TByteColumn(fill(values, (byte) 0), nullBuffer));
                case SMALLINT_TYPE -> TColumn.i16Val(new TI16Column(fill(values, (short) 0), nullBuffer));
                case INT_TYPE -> TColumn.i32Val(new TI32Column(fill(values, 0), nullBuffer));
                case BIGINT_TYPE -> TColumn.i64Val(new TI64Column(fill(values, 0L), nullBuffer));
                case FLOAT_TYPE, DOUBLE_TYPE -> TColumn.doubleVal(new TDoubleColumn(fill(values, 0.0d), nullBuffer));
                case BINARY_TYPE -> {
                    List<ByteBuffer> bytes = new ArrayList<>(n);
                    for (Object v : values) {
                        bytes.add(ByteBuffer.wrap(v == null ? new byte[0] : (byte[]) v));
                    }
                    yield TColumn.binaryVal(new TBinaryColumn(bytes, nullBuffer));
                }
                default -> TColumn.stringVal(new TStringColumn(fill(values, ""), nullBuffer));
            };
            set.addToColumns(column);
        }
        return set;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> fill(List<Object> values, T placeholder) {
        List<T> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(v == null ? placeholder : (T) v);
        }
        return out;
    }
}
