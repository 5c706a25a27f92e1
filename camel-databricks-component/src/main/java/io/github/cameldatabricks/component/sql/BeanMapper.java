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

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Maps a row onto an instance of {@code outputClass}: each column sets the bean property of the same name, matched
 * case-insensitively, with {@code snake_case} columns also matching {@code camelCase} properties ({@code pickup_zip}
 * sets {@code pickupZip}).
 */
public final class BeanMapper {

    private final CamelContext context;
    private final Class<?> type;

    public BeanMapper(CamelContext context, Class<?> type) {
        this.context = context;
        this.type = type;
    }

    /** A new bean with the row's values. */
    public Object map(Map<String, Object> row) {
        Object bean = context.getInjector().newInstance(type);
        Map<String, Object> properties = new HashMap<>();
        row.forEach((column, value) -> {
            if (value != null) {
                properties.put(camelCase(column), value);
            }
        });
        PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(false).withRemoveParameters(false)
                .withReflection(true).bind(context, bean, properties);
        return bean;
    }

    static String camelCase(String column) {
        if (column.indexOf('_') < 0) {
            return column;
        }
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
