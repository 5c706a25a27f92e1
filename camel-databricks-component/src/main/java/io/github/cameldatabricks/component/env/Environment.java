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
package io.github.cameldatabricks.component.env;

import java.util.Map;
import java.util.Optional;

/**
 * Where the component reads environment variables ({@code DATABRICKS_HOST}, {@code APP_AUTH_TYPE}, ...). This is the
 * only place the component touches the process environment, so tests and embedders can replace it and the ambient
 * environment never reaches a configuration that did not ask for it.
 */
@FunctionalInterface
public interface Environment {

    /** The value of a variable, or null if unset. */
    String get(String name);

    /** The trimmed value of a variable, empty if unset or blank. */
    default Optional<String> value(String name) {
        String v = get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The process environment. */
    static Environment system() {
        return System::getenv;
    }

    /** A fixed set of variables (tests, or embedders that pass their own). */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }

    /** No variables at all. */
    static Environment empty() {
        return name -> null;
    }
}
