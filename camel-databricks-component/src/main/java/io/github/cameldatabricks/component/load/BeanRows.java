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
package io.github.cameldatabricks.component.load;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bean row as column values: a record by its components, any other class by its getters (JavaBeans introspection).
 * Camel's own BeanIntrospection lists only properties that also have a setter, and load rows are often read-only
 * (records, immutable value classes).
 */
public final class BeanRows {

    private final Map<Class<?>, List<Property>> getters = new ConcurrentHashMap<>();

    /** A Map as it is; any other object by its readable properties. */
    public Map<?, ?> columnValues(Object row) {
        if (row instanceof Map<?, ?> values) {
            return values;
        }
        List<Property> readers = getters.computeIfAbsent(row.getClass(), BeanRows::readers);
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("A row of type " + row.getClass().getName() + " has no readable"
                    + " properties: a load expects Maps of column values or beans with public getters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Property p : readers) {
            try {
                values.put(p.name(), p.reader().invoke(row));
            } catch (IllegalAccessException | InvocationTargetException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                throw new IllegalArgumentException("Cannot read " + p.reader().getName() + "() of a row of type "
                        + row.getClass().getName() + ": " + cause, cause);
            }
        }
        return values;
    }

    /** A readable property: the column it fills and its accessor. */
    private record Property(String name, Method reader) {
    }

    private static List<Property> readers(Class<?> type) {
        List<Property> readers = new ArrayList<>();
        if (type.isRecord()) {
            // a record's accessors are id(), not getId(): JavaBeans introspection does not see them
            for (RecordComponent c : type.getRecordComponents()) {
                readers.add(new Property(c.getName(), c.getAccessor()));
            }
            return readers;
        }
        try {
            for (PropertyDescriptor p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                if (p.getReadMethod() != null) {
                    readers.add(new Property(p.getName(), p.getReadMethod()));
                }
            }
            return readers;
        } catch (IntrospectionException e) {
            throw new IllegalArgumentException("Cannot read the properties of " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }
}
