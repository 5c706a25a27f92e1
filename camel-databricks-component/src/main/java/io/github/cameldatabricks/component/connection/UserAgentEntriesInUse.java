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
package io.github.cameldatabricks.component.connection;

import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The User-Agent entries in use in this JVM. databricks-jdbc 3.x keeps UserAgentEntry values in the SDK's static
 * User-Agent, so every entry any connection in the JVM has set is sent on every later call of every connection
 * (verified against LocalWarehouse's audit). That is JVM-wide state in the driver, so tracking it is JVM-wide here too:
 * when a second, different entry goes live the component warns that the audit log will show both.
 */
public final class UserAgentEntriesInUse {

    private static final Logger LOG = LoggerFactory.getLogger(UserAgentEntriesInUse.class);
    private static final Set<String> ENTRIES = new TreeSet<>();

    private UserAgentEntriesInUse() {
    }

    /** Records an entry about to be used; returns every entry in use so far, including this one. */
    public static Set<String> register(String entry) {
        Set<String> snapshot;
        boolean added;
        synchronized (ENTRIES) {
            added = ENTRIES.add(entry);
            snapshot = Set.copyOf(ENTRIES);
        }
        if (added && snapshot.size() > 1) {
            LOG.warn("Several userAgentEntry values are in use in this JVM: {}. databricks-jdbc keeps them JVM-wide"
                    + " and sends all of them on every call, so the warehouse audit log cannot tell them apart;"
                    + " use one userAgentEntry per application", new TreeSet<>(snapshot));
        }
        return snapshot;
    }

    /** Every entry in use in this JVM so far, sorted. */
    public static Set<String> snapshot() {
        synchronized (ENTRIES) {
            return java.util.Collections.unmodifiableSet(new TreeSet<>(ENTRIES));
        }
    }
}
