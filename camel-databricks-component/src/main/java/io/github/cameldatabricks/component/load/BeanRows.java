package io.github.cameldatabricks.component.load;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bean row as column values, by its getters (JavaBeans introspection, as JDBC row mappers use it). Camel's own
 * BeanIntrospection lists only properties that also have a setter, and load rows are often read-only (records of
 * getters, immutable value classes).
 */
public final class BeanRows {

    private final Map<Class<?>, List<Method>> getters = new ConcurrentHashMap<>();

    /** A Map as it is; any other object by its readable properties. */
    public Map<?, ?> columnValues(Object row) {
        if (row instanceof Map<?, ?> values) {
            return values;
        }
        List<Method> readers = getters.computeIfAbsent(row.getClass(), BeanRows::readers);
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("A row of type " + row.getClass().getName() + " has no readable"
                    + " properties: a load expects Maps of column values or beans with public getters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method m : readers) {
            try {
                values.put(Introspector.decapitalize(m.getName().replaceFirst("^(get|is)", "")), m.invoke(row));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("Cannot read " + m.getName() + "() of a row of type "
                        + row.getClass().getName() + ": " + e, e);
            }
        }
        return values;
    }

    private static List<Method> readers(Class<?> type) {
        try {
            List<Method> readers = new ArrayList<>();
            for (PropertyDescriptor p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                if (p.getReadMethod() != null) {
                    readers.add(p.getReadMethod());
                }
            }
            return readers;
        } catch (IntrospectionException e) {
            throw new IllegalArgumentException("Cannot read the properties of " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }
}
