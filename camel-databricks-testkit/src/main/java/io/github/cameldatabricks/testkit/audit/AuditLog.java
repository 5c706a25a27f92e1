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
package io.github.cameldatabricks.testkit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every request LocalWarehouse served, in order. Readable here through the Java API and, through the sink the warehouse
 * installs, as the SQL table {@code system.access.audit}.
 */
public final class AuditLog {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final Consumer<AuditEvent> sink;

    public AuditLog(Consumer<AuditEvent> sink) {
        this.sink = sink;
    }

    public void record(AuditEvent event) {
        events.add(event);
        sink.accept(event);
    }

    /** All events so far. */
    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** Events matching a predicate. */
    public List<AuditEvent> events(Predicate<AuditEvent> filter) {
        List<AuditEvent> out = new ArrayList<>();
        for (AuditEvent e : events) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Events with the given action name, e.g. {@code commandSubmit}. */
    public List<AuditEvent> events(String actionName) {
        return events(e -> e.actionName().equals(actionName));
    }

    /** How many events have the given action name. */
    public long count(String actionName) {
        return events(actionName).size();
    }
}
