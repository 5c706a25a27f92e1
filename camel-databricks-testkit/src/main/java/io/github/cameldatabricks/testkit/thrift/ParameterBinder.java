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

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.databricks.jdbc.model.client.thrift.generated.TSparkParameter;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/**
 * Binds the clients' native statement parameters ({@code TSparkParameter}) to a DuckDB statement: picks the parameter
 * of each marker (by name, or by position), and replaces each marker by the SQL its parameter needs
 * ({@link ParameterValues}: {@code ?} for a scalar, a list/map/struct constructor for ARRAY, MAP, STRUCT).
 */
final class ParameterBinder {

    /** The DuckDB SQL with every marker expanded, and the values of its {@code ?} markers in order. */
    record Bound(String sql, List<Object> values) {

        void applyTo(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }
    }

    private ParameterBinder() {
    }

    /**
     * Expands the markers of {@code duckSql}.
     *
     * @param markerNames the names of the {@code :name} markers in order, or empty when the markers are {@code ?}
     */
    static Bound bind(String duckSql, List<TSparkParameter> parameters, List<String> markerNames)
            throws WarehouseSqlException {
        List<Integer> markers = markerPositions(duckSql);
        if (markers.isEmpty() || parameters == null || parameters.isEmpty()) {
            if (!markers.isEmpty()) {
                throw unbound(markerNames.isEmpty() ? "_1" : markerNames.get(0));
            }
            return new Bound(duckSql, List.of());
        }
        List<TSparkParameter> perMarker = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (!markerNames.isEmpty()) {
            Map<String, TSparkParameter> byName = new HashMap<>();
            for (TSparkParameter p : parameters) {
                if (p.isSetName()) {
                    byName.put(p.getName().toLowerCase(Locale.ROOT), p);
                }
            }
            for (String name : markerNames) {
                TSparkParameter p = byName.get(name.toLowerCase(Locale.ROOT));
                if (p == null) {
                    throw unbound(name);
                }
                perMarker.add(p);
                labels.add(name);
            }
        } else {
            List<TSparkParameter> ordered = positional(parameters);
            for (int i = 0; i < markers.size(); i++) {
                if (i >= ordered.size()) {
                    throw unbound("_" + (i + 1));
                }
                perMarker.add(ordered.get(i));
                labels.add(String.valueOf(i + 1));
            }
        }
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < markers.size(); i++) {
            ParameterValues expansion = new ParameterValues();
            expansion.append(perMarker.get(i), labels.get(i));
            sql.append(duckSql, from, markers.get(i)).append(expansion.sql());
            values.addAll(expansion.values());
            from = markers.get(i) + 1;
        }
        sql.append(duckSql.substring(from));
        return new Bound(sql.toString(), values);
    }

    /**
     * Positional parameters in marker order. databricks-jdbc 3.4.5 numbers them 1..n in {@code ordinal}
     * ({@code DatabricksThriftServiceClient#mapToSparkParameterListItem}); the Python connector sets
     * {@code ordinal = True}, i.e. 1, on every one ({@code parameters/native.py#as_tspark_param}) and the Node.js
     * connector sets none: only ordinals that are exactly 1..n order the list, otherwise it is bound in list order.
     */
    static List<TSparkParameter> positional(List<TSparkParameter> parameters) {
        Set<Integer> ordinals = new HashSet<>();
        for (TSparkParameter p : parameters) {
            if (!p.isSetOrdinal() || p.getOrdinal() < 1 || p.getOrdinal() > parameters.size()
                    || !ordinals.add(p.getOrdinal())) {
                return parameters;
            }
        }
        List<TSparkParameter> sorted = new ArrayList<>(parameters);
        sorted.sort(Comparator.comparingInt(TSparkParameter::getOrdinal));
        return sorted;
    }

    /**
     * Offsets of the {@code ?} markers in DuckDB SQL written by the dialect layer: string literals are single-quoted,
     * identifiers double-quoted, and comments were dropped, so a {@code ?} outside quotes is a marker.
     */
    static List<Integer> markerPositions(String sql) {
        List<Integer> out = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: same effect
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                out.add(i);
            }
        }
        return out;
    }

    private static WarehouseSqlException unbound(String name) {
        return new WarehouseSqlException("UNBOUND_SQL_PARAMETER", "42P02",
                "Found the unbound parameter: " + name + ".", false);
    }
}
