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
package io.github.cameldatabricks.component.sql;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.ObjectHelper;

/**
 * Finds the value of each named parameter, in camel-sql's order: a {@code ${...}} expression is evaluated with the
 * simple language; a name is looked up in the given map (the message body when it is a Map, a batch element, or a
 * consumed row), then in the message headers, then in the exchange variables.
 */
public final class ParameterResolver {

    private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

    /**
     * Binds the statement's parameters.
     *
     * @param values the map to search first, or null to use the message body when it is a Map
     * @throws IllegalArgumentException naming the parameter if it has no value
     */
    public BoundStatement bind(NamedParameterSql sql, Exchange exchange, Map<?, ?> values) {
        if (sql.parameters().isEmpty()) {
            return BoundStatement.of(sql.text());
        }
        Map<?, ?> first = values != null ? values
                : exchange.getMessage().getBody() instanceof Map<?, ?> body ? body : Collections.emptyMap();
        List<Object> bound = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (NamedParameterSql.Parameter p : sql.parameters()) {
            Object value = p.expression() ? evaluate(p.name(), exchange) : lookup(p, first, exchange);
            if (p.inList()) {
                List<Object> items = items(value);
                if (items.isEmpty()) {
                    throw new IllegalArgumentException("Parameter " + p.marker() + " is an empty list: an IN list"
                            + " needs at least one value");
                }
                for (Object item : items) {
                    bound.add(checkScalar(p, item));
                }
                sizes.add(items.size());
            } else {
                bound.add(checkScalar(p, value));
                sizes.add(1);
            }
        }
        return new BoundStatement(sql.jdbcSql(sizes), Collections.unmodifiableList(bound));
    }

    /**
     * Refuses a value the driver cannot bind as one parameter, naming the parameter — rather than letting the driver
     * fail with a message that names neither.
     */
    private static Object checkScalar(NamedParameterSql.Parameter p, Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof java.util.Date || value instanceof Temporal
                || value instanceof UUID || value instanceof Enum<?> || value instanceof byte[]) {
            return value;
        }
        String hint = value instanceof Iterable<?> || value instanceof Iterator<?> || value.getClass().isArray()
                ? " (for a list of values write :#in:" + p.name() + ")" : "";
        throw new IllegalArgumentException("Parameter " + p.marker() + " is a " + value.getClass().getName()
                + ": expected a string, number, boolean, date/time, UUID or enum value" + hint);
    }

    private Object evaluate(String expression, Exchange exchange) {
        Expression e = expressions.computeIfAbsent(expression, x -> exchange.getContext().resolveLanguage("simple")
                .createExpression("${" + x + "}"));
        return e.evaluate(exchange, Object.class);
    }

    private static Object lookup(NamedParameterSql.Parameter p, Map<?, ?> first, Exchange exchange) {
        if (first.containsKey(p.name())) {
            return first.get(p.name());
        }
        if (exchange.getMessage().hasHeaders() && exchange.getMessage().getHeaders().containsKey(p.name())) {
            return exchange.getMessage().getHeader(p.name());
        }
        if (exchange.hasVariables() && exchange.getVariables().containsKey(p.name())) {
            return exchange.getVariable(p.name());
        }
        throw new IllegalArgumentException("No value for parameter " + p.marker() + ": expected a key '" + p.name()
                + "' in the message body (a Map), a header or an exchange variable");
    }

    /**
     * The values of an IN list, expanded by Camel's iterator as camel-sql expands them (a collection, array, iterator
     * or stream element by element; a String split at its commas), with two differences that keep a value from silently
     * matching nothing: each value of a String is trimmed ({@code "NEW, DONE"} is NEW and DONE, not " DONE"), and a Map
     * is one value (which the scalar check then refuses, naming the parameter), not its entries.
     */
    private static List<Object> items(Object value) {
        if (value instanceof Map<?, ?>) {
            return List.of(value);
        }
        List<Object> items = new ArrayList<>();
        ObjectHelper.createIterator(value)
                .forEachRemaining(
                        item -> items.add(value instanceof String && item instanceof String s ? s.trim() : item));
        return items;
    }
}
